/**
 * The practical limit for an endpoint: Node's own HTTP server sending a file's bytes from memory,
 * with the same content type, for any path. Started as a process of its own, like the app.
 *   node --import tsx bench/static-server.ts <file> <content-type>
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [file, type] = process.argv.slice(2);
const body = readFileSync(file);
const server = createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`static on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
