import { z } from "zod";
import { clientAddress } from "~/lib/request-context.server";
import { verifyCredentials } from "~/auth/sign-in.server";
import { createToken } from "~/auth/tokens.server";
import { apiRoute, publicEndpoint } from "~/web/api.server";
import { TokenAnswerSchema } from "~/web/api-answers.server";

const TokenRequestSchema = z.object({
  email: z.string({ error: "Enter the email." }),
  password: z.string({ error: "Enter the password." }),
  name: z.string().optional(),
});

export const { loader, action } = apiRoute({
  POST: publicEndpoint({
    summary: "Sign in with email and password for a personal access token.",
    response: TokenAnswerSchema,
    body: TokenRequestSchema,
    status: 201,
    handler: async ({ db, body }) => {
      const user = await verifyCredentials(db, body, new Date(), { address: clientAddress() });
      const { token } = createToken(db, user.id, { name: body.name?.trim() || "API token" });
      return { token };
    },
  }),
});
