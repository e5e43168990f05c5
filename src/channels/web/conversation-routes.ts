/**
 * The conversation API under /api/v1 (DESIGN.md §4, a public contract):
 * start, answer, read back (resume after reload), download a document, erase.
 * Responses are never cached: they hold what a citizen said.
 */
import type { FastifyReply } from 'fastify';
import { parseBody, parseTurnBody, turnKeyOf } from './validate.js';
import { documentQuerySchema, startBodySchema } from './schemas.js';
import { TURNS_ROUTE } from './security-plugin.js';
import type { WebPlugin } from './web-plugin.js';

interface IdParams {
  id: string;
}

function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store');
}

export const conversationRoutes: WebPlugin = async (app, { conversations }) => {
  app.post('/api/v1/conversations', async (request, reply) => {
    const body = parseBody(startBodySchema, request.body);
    const started = await conversations.start(body);
    return noStore(reply).status(201).header('location', `/api/v1/conversations/${started.id}`).send(started);
  });

  app.post<{ Params: IdParams }>(TURNS_ROUTE, async (request, reply) => {
    const body = parseTurnBody(request.body);
    const turnKey = turnKeyOf(request.headers['idempotency-key']);
    return noStore(reply).send(await conversations.turn(request.params.id, body, turnKey));
  });

  app.get<{ Params: IdParams }>('/api/v1/conversations/:id', async (request, reply) => {
    return noStore(reply).send(await conversations.get(request.params.id));
  });

  app.delete<{ Params: IdParams }>('/api/v1/conversations/:id', async (request, reply) => {
    await conversations.erase(request.params.id);
    return reply.status(204).send();
  });

  app.get<{ Params: IdParams & { docId: string } }>('/api/v1/conversations/:id/documents/:docId', async (request, reply) => {
    const { format } = parseBody(documentQuerySchema, request.query);
    const doc = await conversations.document(request.params.id, request.params.docId, format);
    // A page or text opens in the browser; a Word file or a calendar entry is saved or opened by its app.
    const disposition = format === 'txt' || format === 'html' ? 'inline' : 'attachment';
    return noStore(reply)
      .type(doc.contentType)
      .header('content-disposition', `${disposition}; filename="${doc.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'")
      .send(doc.body);
  });
};
