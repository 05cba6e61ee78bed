// Serves www/ for `make demo` on 127.0.0.1 (port 8080, or PORT).
import { serve } from "../tests/e2e/serve.mjs";

const port = Number(process.env.PORT || 8080);
const server = await serve(new URL("../www/", import.meta.url).pathname, { port });
console.log(`foundations-check demo: ${server.url}/  (Ctrl-C to stop)`);
