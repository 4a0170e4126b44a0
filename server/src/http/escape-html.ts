/** Text made safe inside HTML or XML element content and double-quoted attributes (the feed, the printable report). */
export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
