import { Router } from 'express';
import type { VocabularyResponse } from '../domain/api';
import { KINDS, LEVELS, PRECISIONS, STATUSES } from '../domain/vocabulary';

export function vocabularyRouter(): Router {
  const body: VocabularyResponse = {
    statuses: [...STATUSES],
    kinds: [...KINDS],
    levels: [...LEVELS],
    precisions: [...PRECISIONS],
  };
  return Router().get('/', (_request, response) => {
    response.json(body);
  });
}
