import { authenticate } from "@/lib/api/auth";
import { handle, json, otherMethods, readQuery } from "@/lib/api/http";
import { pageQuery } from "@/lib/api/schemas";
import { cohortSummaryJson, page } from "@/lib/api/serialize";
import { listOpenCohorts } from "@/lib/dal/enrollment-queries";

export const dynamic = "force-dynamic";

/** Cohorts of every organisation whose sign-up is open now (public; a token sent must be valid). */
export const GET = handle(async (req) => {
  await authenticate(req);
  const q = readQuery(req, pageQuery);
  const { rows, total } = await listOpenCohorts({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return json(page(rows.map(cohortSummaryJson), { ...q, total }));
});

/** Other methods: a 405 problem naming these. */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
