/**
 * The import reader's vocabulary the API names (domain/api.ts): kept apart from the reader itself, so the client
 * that parses the API's answers never loads the reader's rules and word lists with the page.
 */

/**
 * Why a status was suggested: wording that states it ("fact"), a step under way ("plain"), an aim or a
 * proposal ("goal"), a fact the sentence only aims at ("aimed"), a ceremony still to be held
 * ("ceremony_planned"), a crossing named with its designation and no step ("implied": it exists at that
 * level), or nothing ("none").
 */
export const IMPORT_RULES = ['fact', 'plain', 'goal', 'aimed', 'ceremony_planned', 'implied', 'none'] as const;

/** What a suggestion would do against the record as of the document's date (against-record.ts). */
export const IMPORT_WARNINGS = ['backwards', 'contradicts_later', 'repeats'] as const;
