import { DomainError } from "../../app/lib/errors";

/** The DomainError a use case refuses with; fails the test when it does not refuse. */
export function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

/** The same for a use case that returns a promise. */
export async function asyncRefusal(work: Promise<unknown> | (() => Promise<unknown> | unknown)): Promise<DomainError> {
  try {
    await (typeof work === "function" ? work() : work);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}
