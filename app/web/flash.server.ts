import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { sessionSecret } from "../auth/secret.server";

type FlashData = { message: string; kind: "success" | "error" };

let storage: ReturnType<typeof createCookieSessionStorage<FlashData, FlashData>> | undefined;

function flashStorage() {
  storage ??= createCookieSessionStorage<FlashData, FlashData>({
    cookie: {
      name: "sprintlab_flash",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: process.env.COOKIE_SECURE === "true",
      secrets: [sessionSecret()],
    },
  });
  return storage;
}

/**
 * A location the Location header can carry: a route parameter typed into the address may hold
 * any character, and a header holds bytes only, so everything outside printable ASCII is
 * percent-encoded (a lone surrogate, which has no UTF-8, as U+FFFD).
 */
function headerSafe(to: string): string {
  return to.replace(/[^\x21-\x7e]/gu, (c) => {
    try {
      return encodeURIComponent(c);
    } catch {
      return "%EF%BF%BD";
    }
  });
}

/** Redirect after a successful change, carrying one message for the next page. */
export async function redirectWithFlash(
  to: string,
  message: string,
  init: { headers?: HeadersInit; kind?: "success" | "error" } = {},
) {
  const session = await flashStorage().getSession();
  session.flash("message", message);
  session.flash("kind", init.kind ?? "success");
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await flashStorage().commitSession(session));
  return redirect(headerSafe(to), { headers });
}

/** The pending flash message, and the header that clears it. */
export async function readFlash(
  request: Request,
): Promise<{ message: string | null; kind: "success" | "error"; setCookie: string }> {
  const session = await flashStorage().getSession(request.headers.get("cookie"));
  const message = session.get("message");
  return {
    message: typeof message === "string" ? message : null,
    kind: session.get("kind") === "error" ? "error" : "success",
    setCookie: await flashStorage().commitSession(session),
  };
}
