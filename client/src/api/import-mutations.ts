import { apiErrorResponse, importReadResponse, importResultResponse } from '@domain/api';
import { ApiError, sendJson } from './session';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The server segments the text and suggests links; nothing is saved. */
export async function readDocument(csrfToken: string, source: { text: string } | { docx: File }) {
  if ('text' in source) return importReadResponse.parse(await sendJson('POST', '/api/imports/read', csrfToken, source, importReadResponse));
  const response = await fetch('/api/imports/read', {
    method: 'POST',
    headers: { 'Content-Type': DOCX_TYPE, 'X-CSRF-Token': csrfToken },
    body: source.docx,
  });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = apiErrorResponse.safeParse(json);
    throw new ApiError(
      response.status,
      error.success ? error.data.error.code : 'http_error',
      error.success ? error.data.error.message : `HTTP ${response.status}`,
      json,
    );
  }
  return importReadResponse.parse(json);
}

/** Saves the document with what the editor accepted. */
export async function saveImport(csrfToken: string, body: unknown) {
  return importResultResponse.parse(await sendJson('POST', '/api/imports', csrfToken, body, importResultResponse));
}
