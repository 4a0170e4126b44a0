/**
 * Text folded for search: lower case, Vietnamese diacritics removed (đ → d), whitespace
 * collapsed. Chinese is left as it is. "huu nghi" then finds "Hữu Nghị".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
