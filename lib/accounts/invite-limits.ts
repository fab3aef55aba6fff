// The invite label's limit, shown live by the coordinator's form; no zod here, so the form does not
// send the validation library to the browser (test/unit/client-bundle.test.ts).
export const INVITE_LABEL_MAX = 40;
