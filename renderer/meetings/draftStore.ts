/**
 * The belt-and-braces copy of minutes text being typed (an agenda item's discussion, a decision's content),
 * in localStorage: written on every change
 * (synchronously, so even a window closed mid-word keeps it), cleared once the database has the same text.
 * Offered back when it is newer than what the database holds.
 */

export interface LocalDraft {
  text: string;
  /** Date.now() of the last change. */
  at: number;
}

/** Where one text's copy is kept. */
export const minutesDraftKey = (agendaItemId: number) => `dgw.minutes.draft.${agendaItemId}`;
export const decisionDraftKey = (decisionId: number) => `dgw.decision.draft.${decisionId}`;

export function readLocalDraft(key: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const d = JSON.parse(raw) as LocalDraft;
    return typeof d.text === 'string' && typeof d.at === 'number' ? d : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(key: string, text: string): void {
  try {
    window.localStorage.setItem(key, JSON.stringify({ text, at: Date.now() } satisfies LocalDraft));
  } catch {
    // A full or disabled localStorage leaves the database autosave as the only copy; typing goes on.
  }
}

export function clearLocalDraft(key: string, savedText: string): void {
  const d = readLocalDraft(key);
  // Only when the copy holds what was saved: newer typing since the save must stay.
  if (d && d.text === savedText) window.localStorage.removeItem(key);
}

/** The local copy to offer back instead of the server text, or null. */
export function draftToRestore(key: string, serverText: string, serverSavedAt: string): LocalDraft | null {
  const d = readLocalDraft(key);
  if (!d || d.text === serverText) return null;
  return d.at > Date.parse(serverSavedAt) ? d : null;
}
