import JSZip from 'jszip';

/** The XML parts of a .docx (document, footers, settings, styles), to assert on what Word will read. */
export async function docxParts(data: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files))
    if (name.endsWith('.xml')) parts[name] = await zip.file(name)!.async('string');
  return parts;
}

/** The visible text of a WordprocessingML part, paragraphs joined by new lines. */
export function docxText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
