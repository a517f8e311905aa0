import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** What a real SMTP server on a free loopback port received: each mail parsed, plus its envelope and raw text. */
export type ReceivedMail = { mail: ParsedMail; to: string[]; raw: string; source: string };

/**
 * A real SMTP server on a free loopback port that keeps every mail it receives. `rejectTo`
 * refuses one recipient the way a mailbox that does not exist is refused.
 */
export async function smtpSink(options: { rejectTo?: string } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.rejectTo && address.address === options.rejectTo) return callback(new Error("Mailbox unavailable"));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const bytes = Buffer.concat(chunks);
        const source = bytes.toString("utf8");
        simpleParser(bytes).then(
          (mail) => {
            // Quoted-printable soft line breaks undone, so that long lines can be matched whole.
            received.push({ mail, to: session.envelope.rcptTo.map((r) => r.address), raw: source.replace(/=\r?\n/g, ""), source });
            callback();
          },
          (error) => callback(error),
        );
      });
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  return {
    received,
    /** The parsed mails, in the order they arrived. */
    get mails(): ParsedMail[] {
      return received.map((r) => r.mail);
    },
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
