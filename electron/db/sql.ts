/** Small SQL helpers shared by every area's repo. */

/** LIKE needs its wildcards escaped so a search for "100%" finds the text, not everything. Use with ESCAPE '\'. */
export const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
