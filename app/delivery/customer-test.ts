/** Customer testing of accepted stories (SPEC A6). */
export const TEST_STATUSES = ["not_started", "testing", "passed", "failed"] as const;
export type TestStatus = (typeof TEST_STATUSES)[number];

export const TEST_LABELS: Record<TestStatus, string> = { not_started: "Not started", testing: "Testing", passed: "Passed", failed: "Failed" };

/**
 * Why a customer-test status may not be recorded, or null when it may: only accepted stories are
 * tested; a failure says what failed (it becomes the defect); a story passes only once every
 * defect raised against it is accepted.
 */
export function testRefusal(input: { storyStatus: string; to: TestStatus; note: string; openDefects: number }): { message: string; field?: "testNote" | "testStatus" } | null {
  if (input.storyStatus !== "accepted") return { message: "Only an accepted story is tested by the customer.", field: "testStatus" };
  if (input.to === "failed" && !input.note.trim()) return { message: "Say what failed: it becomes the defect's description.", field: "testNote" };
  if (input.to === "passed" && input.openDefects > 0) {
    return { message: `${input.openDefects} linked ${input.openDefects === 1 ? "defect is" : "defects are"} not accepted yet: the story passes once ${input.openDefects === 1 ? "it is" : "they are"}.` };
  }
  return null;
}
