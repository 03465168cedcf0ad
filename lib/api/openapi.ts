import pkg from "@/package.json";
import { pairingPaths, pairingResponses } from "./openapi-pairing";
import { pairingSchemas } from "./openapi-pairing-schemas";
import { AUDIT_ACTIONS } from "@/lib/dal/audit";
import { auditSchemas } from "./openapi-audit";
import { bodyRefusals, idParam, jsonBody, MAX_BODY_BYTES, needsAuth, ok, optionalAuth, pageParams, problemResponse, query, refusal, uuid } from "./openapi-parts";
import { schemas, sorts, statuses } from "./openapi-schemas";

// Hand-written so it says what we mean; lib/api/openapi.test.ts keeps its paths and the route
// files under app/api/v1 in step.

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Koppel API",
    version: `1 (${pkg.version})`,
    description: [
      "JSON API for organisations that connect their HR portals to Koppel.",
      "",
      "Authenticate with a personal API token (`Authorization: Bearer kpl_…`), created and revoked on your settings page (or by an operator with `npm run cli -- create-token`). A token acts as its owner: the same rights as the person on the website. A session cookie of the website works too.",
      "",
      "Fields are camelCase. Instants are ISO 8601 in UTC (`2027-05-31T21:59:59.999Z`); calendar dates are `YYYY-MM-DD` and belong to the cohort's `timeZone`.",
      "",
      `Request bodies are JSON (\`application/json\`), at most ${MAX_BODY_BYTES} bytes; unknown fields are refused. Errors are RFC 9457 problem details with a stable \`code\` and, for invalid input, \`errors\` per field. A cohort, enrollment, partner, pair or meeting of an organisation you do not belong to (or a pair you are not part of) is answered 404, as if it did not exist; a role that may not do something is answered 403.`,
    ].join("\n"),
  },
  servers: [{ url: "/api/v1" }],
  security: [{ bearerAuth: [] }, { sessionCookie: [] }],
  tags: [
    { name: "Cohorts", description: "The public catalogue and signing up." },
    { name: "Me", description: "The authenticated person's own enrollments and pairs." },
    { name: "Coordination", description: "For coordinators and admins of the cohort's organisation." },
    { name: "Partners", description: "Initiatives, host organisations and coaches: for coordinators, and for a partner's owner." },
    { name: "Pairing", description: "Pairs of participants and partners, for coordinators: list, pair, end, change, propose for everyone." },
    { name: "Meetings", description: "Either side of a pair logs meetings; the other side confirms or disputes them." },
    { name: "Administration", description: "For admins of an organisation: its audit log." },
    { name: "Meta" },
  ],
  paths: {
    "/cohorts": {
      get: {
        operationId: "listOpenCohorts",
        tags: ["Cohorts"],
        summary: "Cohorts whose sign-up is open now",
        description: "Every organisation's cohorts open for sign-up, soonest deadline first. No authentication needed; a token that is sent must be valid.",
        security: optionalAuth,
        parameters: pageParams(100, 20),
        responses: { "200": ok("CohortPage"), "401": refusal("Unauthenticated"), "422": refusal("ValidationFailed") },
      },
    },
    "/cohorts/{id}": {
      get: {
        operationId: "getCohort",
        tags: ["Cohorts"],
        summary: "One cohort, with its questions and places left",
        security: optionalAuth,
        parameters: [idParam("The cohort.")],
        responses: { "200": ok("Cohort"), "401": refusal("Unauthenticated"), "404": refusal("NotFound") },
      },
    },
    "/cohorts/{id}/enrollments": {
      get: {
        operationId: "listCohortEnrollments",
        tags: ["Coordination"],
        summary: "A cohort's applications",
        parameters: [
          idParam("The cohort."),
          query("q", { type: "string", maxLength: 200 }, "Searches name, email, employer and job title."),
          query("status", { type: "string", enum: statuses }, "Only this status."),
          query("policyArea", { type: "string" }, "Only applications naming this policy area."),
          query("sort", { type: "string", enum: sorts, default: "arrival" }, "Order."),
          ...pageParams(200, 50),
        ],
        responses: { "200": ok("CohortEnrollmentPage"), ...needsAuth, "403": refusal("Forbidden"), "404": refusal("NotFound"), "422": refusal("ValidationFailed") },
      },
      post: {
        operationId: "signUp",
        tags: ["Cohorts"],
        summary: "Sign up for a cohort as the authenticated person",
        description:
          "First-come cohorts accept while places last (then waitlist); reviewed cohorts record an application. Validated against the cohort's own policy areas and questions (see GET /cohorts/{id}).",
        parameters: [idParam("The cohort.")],
        requestBody: { required: true, ...jsonBody("SignUpRequest") },
        responses: {
          "201": ok("SignUpResult", "Signed up."),
          ...bodyRefusals,
          ...needsAuth,
          "404": refusal("NotFound"),
          "409": refusal("Conflict"),
        },
      },
    },
    "/cohorts/{id}/decisions": {
      post: {
        operationId: "decideEnrollments",
        tags: ["Coordination"],
        summary: "Accept, waitlist or reject applications",
        description: "Applied in arrival order. Accepting is refused per person when the cohort is full; freed places are offered to the waitlist.",
        parameters: [idParam("The cohort.")],
        requestBody: { required: true, ...jsonBody("DecisionRequest") },
        responses: { "200": ok("DecisionResult"), ...bodyRefusals, ...needsAuth, "403": refusal("Forbidden"), "404": refusal("NotFound") },
      },
    },
    "/enrollments/{id}": {
      get: {
        operationId: "getEnrollment",
        tags: ["Coordination"],
        summary: "One application with its answers and status history",
        parameters: [idParam("The enrollment.")],
        responses: { "200": ok("EnrollmentDetail"), ...needsAuth, "403": refusal("Forbidden"), "404": refusal("NotFound") },
      },
    },
    "/me/enrollments": {
      get: {
        operationId: "listMyEnrollments",
        tags: ["Me"],
        summary: "My enrollments",
        responses: { "200": ok("MyEnrollmentList"), ...needsAuth },
      },
    },
    "/me/export": {
      get: {
        operationId: "exportMyData",
        tags: ["Me"],
        summary: "Everything Koppel holds about me, across organisations, as a file to download (Content-Disposition: attachment)",
        responses: { "200": ok("MyDataExport"), ...needsAuth },
      },
    },
    "/me/enrollments/{id}/withdraw": {
      post: {
        operationId: "withdrawEnrollment",
        tags: ["Me"],
        summary: "Withdraw one of my enrollments",
        parameters: [idParam("My enrollment.")],
        requestBody: { required: false, ...jsonBody("WithdrawRequest") },
        responses: { "200": ok("StatusChange"), ...bodyRefusals, ...needsAuth, "404": refusal("NotFound"), "409": refusal("Conflict") },
      },
    },
    "/me/enrollments/{id}/offer": {
      post: {
        operationId: "respondToOffer",
        tags: ["Me"],
        summary: "Accept or decline a place offered to me",
        parameters: [idParam("My enrollment.")],
        requestBody: { required: true, ...jsonBody("OfferRequest") },
        responses: { "200": ok("StatusChange"), ...bodyRefusals, ...needsAuth, "404": refusal("NotFound"), "409": refusal("Conflict") },
      },
    },
    ...pairingPaths,
    "/audit-events": {
      get: {
        operationId: "listAuditEvents",
        tags: ["Administration"],
        summary: "The organisation's audit log",
        description:
          "Sign-ins, invitations, role changes, removals, API token creation and revocation, and refused attempts (403/404), newest first: the organisation's own events and the sign-ins and tokens of its current members. Admins only; kept for 2 years.",
        parameters: [
          query("action", { type: "string", enum: [...AUDIT_ACTIONS] }, "Only this kind of event."),
          query("organisationId", uuid, "Another organisation you are an admin of; default the first one you belong to."),
          ...pageParams(200, 50),
        ],
        responses: { "200": ok("AuditEventPage"), ...needsAuth, "403": refusal("Forbidden"), "404": refusal("NotFound"), "422": refusal("ValidationFailed") },
      },
    },
    "/openapi.json": {
      get: {
        operationId: "getOpenApi",
        tags: ["Meta"],
        summary: "This document",
        security: [{}],
        responses: { "200": { description: "The OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerAuth: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "kpl_ followed by 43 characters",
        description: "A personal API token from the settings page. A token that is malformed, unknown or revoked is a 401 with `WWW-Authenticate: Bearer`.",
      },
      sessionCookie: { type: "apiKey", in: "cookie", name: "koppel.session", description: "The website's session (for browsers on the same site); named `__Host-koppel.session` in production and on https sites." },
    },
    responses: {
      MalformedJson: problemResponse("The body is not valid JSON (code `malformedJson`)."),
      TooLarge: problemResponse(`The body is larger than ${MAX_BODY_BYTES} bytes (code \`tooLarge\`).`),
      UnsupportedMediaType: problemResponse("The body is not application/json (code `unsupportedMediaType`)."),
      ValidationFailed: problemResponse("The body or query is not valid; `errors` says per field why (code `validation`)."),
      Unauthenticated: problemResponse("No valid token or session (codes `unauthenticated`, `invalidToken`)."),
      Forbidden: problemResponse("Your role in the organisation does not allow this (code `forbidden`)."),
      NotFound: problemResponse("Does not exist, or belongs to an organisation you are not in (code `notFound`)."),
      Conflict: problemResponse(
        "The current state does not allow this; `code` says why: `alreadySignedUp` (with `errors.email`), `signUpClosed`, `cannotWithdraw`, `noOpenOffer`, `offerExpired`.",
      ),
      ...pairingResponses,
    },
    schemas: { ...schemas, ...pairingSchemas, ...auditSchemas },
  },
} as const;
