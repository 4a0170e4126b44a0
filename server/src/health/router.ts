import { Router } from 'express';

export function healthRouter(): Router {
  return Router().get('/', (_request, response) => {
    response.json({ status: 'ok' });
  });
}
