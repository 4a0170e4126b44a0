import { DOCX_TYPE, importReadResponse, importResultResponse } from '@domain/api';
import { importBody } from '@domain/request-bodies';
import { checkedBody, sendJson } from './session';

/** The server segments the text (pasted, or a Word file) and suggests links; nothing is saved. */
export async function readDocument(csrfToken: string, source: { text: string; date?: string } | { docx: File }) {
  const body = 'text' in source ? source : new Blob([source.docx], { type: DOCX_TYPE });
  return importReadResponse.parse(await sendJson('POST', '/api/imports/read', csrfToken, body, importReadResponse));
}

/** Saves the document with what the editor accepted (checked first with the server's schema). */
export async function saveImport(csrfToken: string, body: unknown) {
  checkedBody(importBody, body);
  return importResultResponse.parse(await sendJson('POST', '/api/imports', csrfToken, body, importResultResponse));
}
