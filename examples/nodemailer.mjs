// A mailer that promises not to track: every message goes through the strip-tracking plugin before nodemailer
// compiles it (and before DKIM signing). Here the transport only builds the message, so it runs offline.
// Usage: npm run build && node examples/nodemailer.mjs
import nodemailer from "nodemailer";
import { stripTrackingPlugin } from "strip-tracking/nodemailer";

const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
// Register after templating/inlining plugins so it sees the final HTML.
transporter.use(
  "compile",
  stripTrackingPlugin({
    onReport: (report) => {
      for (const finding of report.html?.findings ?? []) console.error(`html:${finding.line}:${finding.column} ${finding.action} ${finding.reason}`);
      if (report.removedHeaders.length > 0) console.error(`removed headers: ${report.removedHeaders.join(", ")}`);
    },
  }),
);

const info = await transporter.sendMail({
  from: "Garden Weekly <news@weekly-garden.example>",
  to: "Ann <ann@example.com>",
  subject: "Tomatoes",
  html: `<p>New article: <a href="https://weekly-garden.example/tomatoes?utm_source=news&amp;page=2">tomatoes</a></p>
<img src="https://open.mail-sender.example/track/open.php?u=8f3a9c" width="1" height="1" alt="">`,
  text: "New article: https://weekly-garden.example/tomatoes?utm_source=news&page=2",
  headers: { "Disposition-Notification-To": "news@weekly-garden.example" },
  list: { unsubscribe: "https://weekly-garden.example/unsubscribe?token=c0ffee1234" },
});
process.stdout.write(info.message.toString());
