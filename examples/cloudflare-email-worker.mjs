// A relay as a Cloudflare Email Worker: clean the incoming raw message and send it on through a send_email
// binding. strip-tracking/mime uses Node streams: enable `compatibility_flags = ["nodejs_compat"]`. A changed
// body breaks the sender's DKIM signature: send from your own domain (Cloudflare signs it) and rewrite From.
//
// In the Worker: import { EmailMessage } from "cloudflare:email"; and bind `env.OUTBOUND` (send_email) and
// `env.FORWARD_TO`. Run directly with Node, it feeds a sample message through stand-ins for both.
// Usage: npm run build && node examples/cloudflare-email-worker.mjs
import { stripTrackingFromMime } from "strip-tracking/mime";

const worker = {
  async email(message, env) {
    const raw = new Uint8Array(await new Response(message.raw).arrayBuffer());
    const { message: cleaned, report } = await stripTrackingFromMime(raw, { recipient: message.to });
    // The bytes as they are (a stream): decoding them as UTF-8 would lose any 8-bit byte in another charset.
    const outbound = new env.EmailMessage(message.to, env.FORWARD_TO, new Response(cleaned).body);
    await env.OUTBOUND.send(outbound);
    return report;
  },
};

export default worker;

if (typeof process !== "undefined" && process.argv[1] && import.meta.url === (await import("node:url")).pathToFileURL(process.argv[1]).href) {
  const { readFileSync } = await import("node:fs");
  const raw = readFileSync(new URL("./tracked-message.eml", import.meta.url));
  const sent = [];
  const env = {
    FORWARD_TO: "ann@relay.example",
    EmailMessage: class {
      constructor(from, to, raw) {
        Object.assign(this, { from, to, raw });
      }
    },
    OUTBOUND: { send: async (email) => void sent.push(email) },
  };
  const message = { from: "news@weekly-garden.example", to: "ann@example.com", raw: new Blob([raw]).stream() };
  const report = await worker.email(message, env);
  console.error(JSON.stringify({ changed: report.changed, removedHeaders: report.removedHeaders }));
  process.stdout.write(Buffer.from(await new Response(sent[0].raw).arrayBuffer()));
}
