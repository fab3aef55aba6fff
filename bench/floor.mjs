// The floor for the look-up benchmark: the least a server can do to answer
// GET /api/buyer/:pseudonym/reputation: plain node:http, no framework, no session check,
// one indexed query (the app's own: users by pseudonym_key, joined to buyer_counters) through
// the same driver as the app (postgres.js with DATABASE_URL, else PGlite on PGLITE_DIR).
import http from 'node:http';

const QUERY = `select u.id, u.pseudonym, c.ratings, c.safe_yes, c.safe_no, c.reliable_yes, c.reliable_no,
  c.raters, c.unsafe_raters, c.unreliable_raters
  from users u left join buyer_counters c on c.buyer_id = u.id
  where u.pseudonym_key = $1 and u.role = 'buyer'`;

async function connect() {
  if (process.env.DATABASE_URL) {
    const { default: postgres } = await import('postgres');
    const sql = postgres(process.env.DATABASE_URL, { max: 10 });
    return (key) => sql.unsafe(QUERY, [key], { prepare: true });
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(process.env.PGLITE_DIR);
  return async (key) => (await db.query(QUERY, [key])).rows;
}

const query = await connect();
const route = /^\/api\/buyer\/([^/?]+)\/reputation$/;

http
  .createServer(async (req, res) => {
    if (req.url === '/health') return res.end('ok');
    const match = route.exec(req.url ?? '');
    if (!match) {
      res.statusCode = 404;
      return res.end();
    }
    const [row] = await query(decodeURIComponent(match[1]).toLowerCase());
    res.statusCode = row ? 200 : 404;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(row ?? { found: false }));
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
