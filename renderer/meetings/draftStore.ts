/**
 * The belt-and-braces copy of the discussion being typed, in localStorage: written on every change
 * (synchronously, so even a window closed mid-word keeps it), cleared once the database has the same text.
 * Offered back when it is newer than what the database holds.
 */

export interface LocalDraft {
  text: string;
  /** Date.now() of the last change. */
  at: number;
}

const key = (agendaItemId: number) => `dgw.minutes.draft.${agendaItemId}`;

export function readLocalDraft(agendaItemId: number): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key(agendaItemId));
    if (!raw) return null;
    const d = JSON.parse(raw) as LocalDraft;
    return typeof d.text === 'string' && typeof d.at === 'number' ? d : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(agendaItemId: number, text: string): void {
  try {
    window.localStorage.setItem(key(agendaItemId), JSON.stringify({ text, at: Date.now() } satisfies LocalDraft));
  } catch {
    // A full or disabled localStorage leaves the database autosave as the only copy; typing goes on.
  }
}

export function clearLocalDraft(agendaItemId: number, savedText: string): void {
  const d = readLocalDraft(agendaItemId);
  // Only when the copy holds what was saved: newer typing since the save must stay.
  if (d && d.text === savedText) window.localStorage.removeItem(key(agendaItemId));
}

/** The local copy to offer back instead of the server text, or null. */
export function draftToRestore(agendaItemId: number, serverText: string, serverSavedAt: string): LocalDraft | null {
  const d = readLocalDraft(agendaItemId);
  if (!d || d.text === serverText) return null;
  return d.at > Date.parse(serverSavedAt) ? d : null;
}
