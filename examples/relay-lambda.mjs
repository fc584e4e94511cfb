// A relay on AWS: SES receives the message, stores it in S3 and invokes this Lambda, which cleans the raw
// message and sends it on. Bodies change, so the sender's DKIM signature no longer holds: re-sign with your own
// domain when you send (SES does when the From domain is yours) and, as forwarders do, rewrite From.
//
// In Lambda, `readRaw` reads `s3://bucket/prefix/<messageId>` (e.g. with @aws-sdk/client-s3 GetObject) and
// `send` calls SESv2 SendEmail with { Content: { Raw: { Data } } }. Run directly, it uses a sample message.
// Usage: npm run build && node examples/relay-lambda.mjs
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { stripTrackingFromMime } from "strip-tracking/mime";

/** Builds the Lambda handler from two I/O functions, so it is testable and the cleaning stays pure. */
export function makeHandler({ readRaw, send }) {
  return async (event) => {
    const results = [];
    for (const record of event.Records) {
      const { messageId } = record.ses.mail;
      const raw = await readRaw(messageId);
      const { message, report } = await stripTrackingFromMime(raw, { recipient: record.ses.receipt.recipients });
      await send(message);
      results.push({ messageId, changed: report.changed, parts: report.parts.length, removedHeaders: report.removedHeaders });
    }
    return { disposition: "CONTINUE", results };
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sample = readFileSync(new URL("./tracked-message.eml", import.meta.url));
  const sent = [];
  const handler = makeHandler({ readRaw: async () => sample, send: async (message) => void sent.push(message) });
  const event = { Records: [{ ses: { mail: { messageId: "sample" }, receipt: { recipients: ["ann@example.com"] } } }] };
  console.error(JSON.stringify(await handler(event)));
  process.stdout.write(sent[0]);
}
