import { DOCX_TYPE, importReadResponse, importResultResponse } from '@domain/api';
import { sendJson } from './session';

/** The server segments the text (pasted, or a Word file) and suggests links; nothing is saved. */
export async function readDocument(csrfToken: string, source: { text: string } | { docx: File }) {
  const body = 'text' in source ? source : new Blob([source.docx], { type: DOCX_TYPE });
  return importReadResponse.parse(await sendJson('POST', '/api/imports/read', csrfToken, body, importReadResponse));
}

/** Saves the document with what the editor accepted. */
export async function saveImport(csrfToken: string, body: unknown) {
  return importResultResponse.parse(await sendJson('POST', '/api/imports', csrfToken, body, importResultResponse));
}
