// Generated from server/openapi.yaml by scripts/contract-types.mjs. Do not edit: change the
// OpenAPI document and run `node scripts/contract-types.mjs`.
/* eslint-disable */
export interface paths {
    "/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in, and where to sign in or sign up. */
        get: operations["getSession"];
        put?: never;
        post?: never;
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether this server process and its database answer (for load balancers and container health checks).
         * @description Pings the database (a trivial query) with a 2-second timeout. No authentication; never
         *     cached. Both answers are plain `application/json` (not problem+json), so a health checker
         *     reads one shape; neither names the database or its error.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchanges a one-time sign-in code (from the popup's message or the `#hearth-code=` fragment) for a bearer token.
         * @description `code` is single-use and valid for 60 seconds; `verifier` is the random value whose
         *     base64url SHA-256 the widget sent as `challenge` to the sign-in page; the request's `Origin`
         *     must be the site the code was handed to. The token belongs to the same sign-in as the
         *     cookie session it came from: signing out ends both. Any mismatch: 400
         *     `/problems/invalid-code` (sign in again).
         */
        post: operations["exchangeSignInCode"];
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ends the whole sign-in presented (bearer token or cookie) — the cookie session and every token minted from it; clears the cookie.
         * @description No request body. Always 204, also when no session was presented. An Idempotency-Key is accepted and ignored (logout is idempotent by nature).
         */
        post: operations["logout"];
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sends a message as the signed-in visitor.
         * @description Limited to `HEARTH_RATE_LIMIT_MESSAGES_PER_MINUTE` (default 10) per account per minute.
         */
        post: operations["sendMessage"];
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's conversations, newest activity first.
         * @description A visitor sees their own; a specialist those addressed to them and to the team; an admin all.
         *     Keyset-paginated: pass the answer's `next` as `before` for the following page (`next` is null
         *     on the last one). Bodies are never in the list: `preview` is the first 120 characters of the
         *     last message.
         */
        get: operations["listConversations"];
        put?: never;
        post?: never;
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversationId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversationId: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        /**
         * One conversation with its messages, oldest first; marks it read for the caller.
         * @description Staff reading it also mark the visitor's messages seen (`seenAt`). A visitor asking for
         *     someone else's conversation gets 404, exactly as for one that does not exist; a specialist
         *     asking for another specialist's gets 403.
         */
        get: operations["getConversation"];
        put?: never;
        post?: never;
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    conversationId: components["parameters"]["ConversationId"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        /**
         * Changes the status (staff) or the assignee (admin).
         * @description `status` may be changed by staff who may see the conversation; `assignee` (a staff account
         *     that may see it, or null) only by an admin. A visitor gets 403 even for their own
         *     conversation (404 for anyone else's).
         */
        patch: operations["updateConversation"];
        trace?: never;
    };
    "/api/conversations/{conversationId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversationId: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A reply (staff) or a follow-up (the visitor) in a conversation.
         * @description Same rules as `POST /api/messages` (Idempotency-Key, the messages rate limit). A visitor's
         *     follow-up reopens a handled conversation.
         */
        post: operations["replyToConversation"];
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    conversationId: components["parameters"]["ConversationId"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversationId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversationId: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Marks the conversation read for the caller (as reading it does). */
        post: operations["markConversationRead"];
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    conversationId: components["parameters"]["ConversationId"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The live event stream (Server-Sent Events) of the conversations the caller may see.
         * @description One stream per client. It starts with `retry: 5000`, sends a comment (`: heartbeat`) every
         *     25 s, and an event for each change the caller may see (the rule of
         *     GET /api/conversations/{conversationId}): `conversation.message` with data
         *     `{"conversationId": "…", "messageId": "…"}` (a new message or reply) and
         *     `conversation.updated` with `{"conversationId": "…"}` (status or assignee changed, or staff read the
         *     visitor's messages: their `seenAt` is set). Events
         *     carry ids only: the client fetches what it may see. Every event has an `id` that only grows;
         *     a client reconnecting with `Last-Event-ID` first receives every event after it (kept 7 days),
         *     then the live ones, without loss or repetition.
         *     A stream lives no longer than the sign-in it was opened with: signing out (`POST /api/logout`,
         *     `POST /logout`, in any server process) closes it at once, and an expired or ended session
         *     closes it by the next heartbeat; reconnecting then answers 401.
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The care team's accounts (admin only), for assigning conversations. */
        get: operations["listStaff"];
        put?: never;
        /**
         * Invites a colleague (admin only); they get an email with a link to choose a password.
         * @description Creates the staff account without a password and emails a single-use link (valid 7 days) to
         *     `/invite?token=…` where they choose one. An address that has an account already is a 422 on
         *     `email` (an admin may learn that; a visitor never can). Other 422s: `name` empty, over 100
         *     characters or with control characters; `role` not specialist or admin; `specialist` missing
         *     for a specialist, unknown, or given for an admin. At most 50 invitations per admin per hour
         *     (429 with `Retry-After`). The email says only that they are invited to the care team, and the link.
         */
        post: operations["inviteStaff"];
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/specialists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The specialists who offer free consultations. */
        get: operations["listSpecialists"];
        put?: never;
        post?: never;
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/specialists/{specialistId}/services": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                specialistId: components["parameters"]["SpecialistId"];
            };
            cookie?: never;
        };
        /** A specialist's active services (what the booking button offers). */
        get: operations["listServices"];
        put?: never;
        post?: never;
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    specialistId: components["parameters"]["SpecialistId"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations/manage/{token}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret from `manageUrl` (32 random bytes, base64url). Only its SHA-256 is stored. */
                token: components["parameters"]["ManageToken"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Moves a confirmed booking to another free slot of the same specialist and service.
         * @description One transaction: the new slot is taken and the old one freed together; 409
         *     `/problems/slot-taken` when the new one was taken meanwhile (the booking keeps its time);
         *     422 on `start` when it is not an offered slot (or is the booking's own time); 404 for an
         *     unknown token; 409 `/problems/booking-cancelled` for a cancelled booking and
         *     `/problems/booking-past` for one that has started. The manage link stays the same.
         *     Counted against the booking limits (`HEARTH_RATE_LIMIT_BOOKINGS_PER_HOUR` per email and
         *     per client address per hour, together with new bookings): 429 beyond them.
         *     Mails the visitor and the specialist; webhook `booking.rescheduled`.
         */
        post: operations["rescheduleBooking"];
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The secret from `manageUrl` (32 random bytes, base64url). Only its SHA-256 is stored. */
                    token: components["parameters"]["ManageToken"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clinic/specialists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every specialist with their staff-only fields (staff; inactive ones too). */
        get: operations["listClinicSpecialists"];
        put?: never;
        /** Adds a specialist (admin), with the default service "Free initial consultation" (30 min, free) and no hours yet. */
        post: operations["createSpecialist"];
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clinic/specialists/{specialistId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                specialistId: components["parameters"]["SpecialistId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    specialistId: components["parameters"]["SpecialistId"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        /** Edits or (de)activates a specialist (admin). */
        patch: operations["updateSpecialist"];
        trace?: never;
    };
    "/api/clinic/specialists/{specialistId}/hours": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                specialistId: components["parameters"]["SpecialistId"];
            };
            cookie?: never;
        };
        /** A specialist's hours (the specialist themself, or an admin). */
        get: operations["getHours"];
        /** Replaces a specialist's hours (the specialist themself, or an admin); availability follows at once. */
        put: operations["putHours"];
        post?: never;
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    specialistId: components["parameters"]["SpecialistId"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clinic/specialists/{specialistId}/services": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                specialistId: components["parameters"]["SpecialistId"];
            };
            cookie?: never;
        };
        /** A specialist's services, inactive ones too (the specialist themself, or an admin). */
        get: operations["listClinicServices"];
        put?: never;
        /** Adds a service (the specialist themself, or an admin). */
        post: operations["createService"];
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    specialistId: components["parameters"]["SpecialistId"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clinic/services/{serviceId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                serviceId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    serviceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        /** Edits or (de)activates a service (its specialist, or an admin). A specialist keeps at least one active service (422). */
        patch: operations["updateService"];
        trace?: never;
    };
    "/api/clinic/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bookings (a specialist's own; an admin's all or one specialist's), upcoming soonest first or past latest first. */
        get: operations["listBookings"];
        put?: never;
        post?: never;
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clinic/bookings.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every booking as CSV (admin), for the clinic's own records.
         * @description Columns: id, specialist (name), service (name; empty when none), start, end (UTC instants), status, name, email, phone, timeZone, createdAt, cancelledBy. RFC 4180: a header row, CRLF line ends, fields with a comma, quote or line break quoted (quotes doubled); UTF-8 with a byte order mark; `Content-Disposition: attachment; filename="hearth-bookings-YYYY-MM-DD.csv"`. Notes and cancel reasons are not exported. Cells that start with = + - @ (or a tab or carriage return) are prefixed with an apostrophe (no formula injection).
         */
        get: operations["exportBookings"];
        put?: never;
        post?: never;
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clinic/bookings/{bookingId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bookingId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    bookingId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        /**
         * Marks a booking that has started attended or no-show (its specialist, or an admin).
         * @description 422 on `status` before the booking's start; 409 `/problems/booking-cancelled` for a cancelled booking. Marking again replaces the mark.
         */
        patch: operations["updateBooking"];
        trace?: never;
    };
    "/api/clinic/bookings/{bookingId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bookingId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancels an upcoming booking with a reason (its specialist, or an admin); the visitor is told by mail (the reason is not in the mail). */
        post: operations["cancelBookingAsStaff"];
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    bookingId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Free 30-minute slots of a specialist in [from, to).
         * @description Excludes booked slots, past slots and slots inside the minimum notice
         *     (`HEARTH_MIN_NOTICE_HOURS`, default 12). 422 when `specialist` is missing while more than
         *     one specialist exists, unknown, when `from`/`to` are missing or not ISO 8601, when
         *     `to` ≤ `from`, or when the range is longer than 62 days.
         */
        get: operations["getAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Books a free 30-minute consultation.
         * @description `start` must be a slot `GET /api/consultations/availability` would offer (bookings aside),
         *     else 422 on `start`. A slot is booked once (a unique index among active bookings): the
         *     loser of a race, or anyone booking a taken slot, gets 409 `/problems/slot-taken`.
         *     The consent (time and text version `consent-v1`) is recorded with the booking.
         *     Limited to `HEARTH_RATE_LIMIT_BOOKINGS_PER_HOUR` (default 5) per email and per client
         *     address per hour.
         */
        post: operations["bookConsultation"];
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations/manage/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret from `manageUrl` (32 random bytes, base64url). Only its SHA-256 is stored. */
                token: components["parameters"]["ManageToken"];
            };
            cookie?: never;
        };
        /**
         * The booking behind a manage link (JSON, or the manage page for a browser).
         * @description Negotiated on `Accept` (answers carry `Vary: Accept`). API clients (`Accept:
         *     application/json`, `*\/*` or none) get the JSON booking. A browser navigation (`Accept`
         *     naming `text/html` with q > 0 and before, above or without `application/json`) gets the
         *     manage page: the date and time in the specialist's zone and in UTC, the specialist, the
         *     status, an "Add to calendar (.ics)" link and, while confirmed, a "Cancel this booking" form
         *     posting to `…/cancel`; while confirmed and not started also "Choose another time" (the
         *     booking button with `reschedule`, loaded from `/dist/hearth.js`). Nothing personal (name, email, phone, note) is in either.
         */
        get: operations["getBooking"];
        put?: never;
        post?: never;
        /**
         * Cancels the booking, freeing its slot.
         * @description Repeating the call on a cancelled booking answers 204 again; an unknown token answers 404.
         */
        delete: operations["cancelBooking"];
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The secret from `manageUrl` (32 random bytes, base64url). Only its SHA-256 is stored. */
                    token: components["parameters"]["ManageToken"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations/manage/{token}/ics": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret from `manageUrl` (32 random bytes, base64url). Only its SHA-256 is stored. */
                token: components["parameters"]["ManageToken"];
            };
            cookie?: never;
        };
        /** The booking as an iCalendar file. */
        get: operations["getBookingIcs"];
        put?: never;
        post?: never;
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The secret from `manageUrl` (32 random bytes, base64url). Only its SHA-256 is stored. */
                    token: components["parameters"]["ManageToken"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations/manage/{token}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret from `manageUrl` (32 random bytes, base64url). Only its SHA-256 is stored. */
                token: components["parameters"]["ManageToken"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancels the booking from the manage page's form (same effect as DELETE).
         * @description For browsers: the form of the manage page. Only this server's own pages may send it
         *     (`Sec-Fetch-Site: same-origin`, which browsers send with `Origin: null` under
         *     `Referrer-Policy: no-referrer`; without `Sec-Fetch-Site`, an absent or own `Origin`), else
         *     403. Cancels (or finds cancelled already) and answers 303 to the manage URL, whose page then
         *     shows "This booking is cancelled. The time is free again." Errors are HTML pages, except the
         *     cookie CSRF refusal that applies to every API write (problem+json).
         */
        post: operations["cancelBookingForm"];
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The secret from `manageUrl` (32 random bytes, base64url). Only its SHA-256 is stored. */
                    token: components["parameters"]["ManageToken"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/references/{listId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                listId: string;
            };
            cookie?: never;
        };
        /** A references list as CSL-JSON. */
        get: operations["getReferences"];
        put?: never;
        post?: never;
        delete?: never;
        /** CORS preflight; `Allow` lists the path's methods. */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    listId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                204: components["responses"]["Preflight"];
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The sign-in page.
         * @description `?origin=<origin>&challenge=<c>`: the page was opened as a popup by a widget on that site.
         *     The origin must be allowlisted (`HEARTH_ALLOWED_ORIGINS`) or the server's own, else 400.
         *     After sign-in the popup page carries a one-time code and the origin in data- attributes;
         *     `/auth.js` posts `{type: "hearth:session", code}` to `window.opener` with exactly that
         *     targetOrigin, then closes the window; the widget exchanges the code with its verifier at
         *     `POST /api/session/token`.
         *     `?return=<path or URL>`: where to go back to after a non-popup sign-in: a same-origin path,
         *     or (the widget's popup having been blocked) an absolute http(s) URL whose origin is
         *     allowlisted, with `challenge` and `state`. For such a URL the answer is a 303 to it, without
         *     any fragment it had, plus `#hearth-code=<code>&state=<state>`. The return target is checked
         *     after URL parsing (`/.//host`, `/x/..//host`, `/%2e//host` are refused): anything but a
         *     same-origin path or an allowlisted URL is ignored and the answer goes to `/`.
         *     Handing a sign-in to another site without `challenge` (and, by redirect, `state`) is 400.
         *     A visitor already signed in by cookie: for another site, the page "Continue to <site> as
         *     <name>" (POST /login/continue) with "Not you? Sign out" (POST /logout); for a same-origin
         *     path, a 303 there at once.
         */
        get: operations["loginPage"];
        put?: never;
        /**
         * Signs in (the login form).
         * @description Sets the session cookie. A popup sign-in answers the code page (200); otherwise 303 to the return path (an allowlisted site's URL with `#hearth-code=<code>&state=<state>`, see GET) or `/`. Wrong credentials 401, missing fields 422, a cross-site post 403 (all HTML pages).
         *     Failed attempts slow down per (email, client address) pair: 5 free, then 1 s, 2 s, 4 s … between attempts, at most 15 minutes (`HEARTH_LOGIN_FREE_FAILURES`, `HEARTH_LOGIN_MAX_DELAY_SECONDS`), so an attacker elsewhere cannot lock the owner out; 100 failures per client address per 15 minutes over all emails; 20 successful sign-ins per account per 15 minutes. While paused the answer is 429 with `Retry-After` and the sign-in page saying when to try again, with the email kept; the same for every email, existing or not, and even with the right password. A success clears its pair.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/login/continue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * "Continue to <site> as <name>": hands the cookie sign-in to another site (a one-time code, as after POST /login).
         * @description Needs the session cookie (else the sign-in form again, 200) and the same handoff fields as the login form. A cross-site post 403.
         */
        post: operations["continueSignIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** "Not you? Sign out" on the sign-in pages: ends the sign-in (as POST /api/logout), clears the cookie, and 303 to /login with the same handoff. */
        post: operations["signOutPage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The create-an-account page (same `origin` and `return` handling as /login). */
        get: operations["signupPage"];
        put?: never;
        /**
         * Starts creating an account; the owner of the address finishes it from an emailed link.
         * @description Name 1–100 characters without control or bidirectional-override characters, a valid email (≤ 254), password 8–200 characters and not a common one; 422 page with an error summary otherwise. A valid form answers 200 "Check your email to finish" whether or not the address has an account (no account oracle); a new address is mailed a 24-hour link to `/signup/confirm`, an existing one a note with a link to sign in. Sign-ups are limited per client address (`HEARTH_RATE_LIMIT_SIGNUPS_PER_HOUR`, default 10 per hour; every valid form counts, also one whose email is registered already); over it, 429 with `Retry-After` and the page saying when to try again.
         */
        post: operations["signup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/signup/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The emailed link's page, with a "Create my account" button (mail scanners that open links create nothing). */
        get: operations["confirmSignupPage"];
        put?: never;
        /** Creates the account (once per link, within 24 hours) and signs in by cookie. */
        post: operations["confirmSignup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/desk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The care team's page, hosting `<hearth-desk api="/api">` (issue 12).
         * @description Needs the session cookie (a page is opened by navigation; a bearer token does not count).
         *     Signed out: 303 to `/login?return=/desk`, where staff sign in and come back here. A visitor's
         *     account: 403, a page saying it is for the care team, with a sign-out form. Staff: the page
         *     "Care team · hearth" loading `/dist/hearth-desk.js` and `/desk.css`, with "Signed in as
         *     <name> · Sign out" (POST /logout, back to `/login?return=/desk`). Its CSP is the pages' one
         *     plus `require-trusted-types-for 'script'`.
         */
        get: operations["deskPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The staff invitation link's page (POST /api/staff): "Choose a password" for the invited account.
         * @description Opening it changes nothing (mail scanners open links). A link that is unknown, used already or more than 7 days old answers 400 "Link not valid".
         */
        get: operations["invitePage"];
        put?: never;
        /**
         * Sets the invited account's password (8–200 characters, not a common one), uses up the link, signs in by cookie and goes to /desk.
         * @description A password that breaks the rules answers 422, the page again with the error (the link stays usable). A link not valid (unknown, used, expired) 400; a cross-site post 403.
         */
        post: operations["acceptInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "booking.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A visitor booked a consultation. */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" under HEARTH_WEBHOOK_SECRET> */
                    "Hearth-Signature": string;
                    /** @description The delivery id, the same on every retry of one delivery (and the body's `id`). */
                    "Hearth-Delivery": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @constant */
                        type: "booking.created";
                        /** Format: uuid */
                        id: string;
                        /** Format: date-time */
                        createdAt: string;
                        data: {
                            bookingId: string;
                            specialistId: string;
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Received. Anything else (or no answer within 10 s) is retried. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "booking.rescheduled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A booking moved to another time. */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" under HEARTH_WEBHOOK_SECRET> */
                    "Hearth-Signature": string;
                    /** @description The delivery id, the same on every retry of one delivery (and the body's `id`). */
                    "Hearth-Delivery": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @constant */
                        type: "booking.rescheduled";
                        /** Format: uuid */
                        id: string;
                        /** Format: date-time */
                        createdAt: string;
                        data: {
                            bookingId: string;
                            specialistId: string;
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            /** Format: date-time */
                            previousStart: string;
                            /** Format: date-time */
                            previousEnd: string;
                            /** @description When the new time is a new booking row. */
                            previousBookingId?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Received. Anything else (or no answer within 10 s) is retried. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "booking.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A booking was cancelled, by the visitor (manage link) or by staff. */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" under HEARTH_WEBHOOK_SECRET> */
                    "Hearth-Signature": string;
                    /** @description The delivery id, the same on every retry of one delivery (and the body's `id`). */
                    "Hearth-Delivery": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @constant */
                        type: "booking.cancelled";
                        /** Format: uuid */
                        id: string;
                        /** Format: date-time */
                        createdAt: string;
                        data: {
                            bookingId: string;
                            specialistId: string;
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            /** Format: date-time */
                            cancelledAt: string;
                            /** @enum {unknown} */
                            cancelledBy: "visitor" | "staff";
                        };
                    };
                };
            };
            responses: {
                /** @description Received. Anything else (or no answer within 10 s) is retried. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A visitor wrote a message (a new conversation or a follow-up); never its text. */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" under HEARTH_WEBHOOK_SECRET> */
                    "Hearth-Signature": string;
                    /** @description The delivery id, the same on every retry of one delivery (and the body's `id`). */
                    "Hearth-Delivery": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @constant */
                        type: "message.created";
                        /** Format: uuid */
                        id: string;
                        /** Format: date-time */
                        createdAt: string;
                        data: {
                            messageId: string;
                            conversationId: string;
                            /** @description null when written to the team. */
                            specialistId: string | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Received. Anything else (or no answer within 10 s) is retried. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        Health: {
            /** @constant */
            status: "ok";
            /** @constant */
            db: "ok";
        };
        HealthFailure: {
            /** @constant */
            status: "error";
            /** @constant */
            db: "unreachable";
        };
        /**
         * Format: date-time
         * @description UTC, second precision.
         * @example 2026-03-30T07:00:00Z
         */
        Instant: string;
        /** @description RFC 9457 problem details. */
        Problem: {
            /**
             * Format: uri-reference
             * @example /problems/slot-taken
             * @example about:blank
             */
            type: string;
            title: string;
            status: number;
            detail?: string;
            /** Format: uri-reference */
            instance?: string;
            errors?: {
                [key: string]: string[];
            };
        };
        ValidationProblem: components["schemas"]["Problem"] & {
            /** @constant */
            type?: "/problems/validation";
            /** @constant */
            status?: 422;
        };
        User: {
            id: string;
            name: string;
            /** @description visitor, or staff: specialist or admin. */
            role?: components["schemas"]["Role"];
            /** @description A specialist account's specialist id (whose hours and bookings are theirs); null for other accounts. */
            specialist?: string | null;
        };
        Session: {
            user: components["schemas"]["User"] | null;
            /**
             * Format: uri
             * @description Absolute http(s), on the API's origin (widgets refuse anything else). A widget opening it as a popup appends `?origin=<its page origin>&challenge=<…>`; by redirect `?return=<its page URL>&challenge=<…>&state=<…>`.
             */
            loginUrl: string;
            /** Format: uri */
            signupUrl: string;
            /**
             * Format: uri
             * @description Where a widget exchanges a one-time sign-in code for a bearer token (`POST /api/session/token`). Without it (a site's own backend) the widget only reads the session again after sign-in.
             */
            tokenUrl?: string;
        };
        TokenRequest: {
            code: string;
            verifier: string;
        };
        TokenAnswer: {
            token: string;
            expiresAt: components["schemas"]["Instant"];
        };
        MessageRequest: {
            /** @description A specialist id (`GET /api/specialists`) or `team` ("contact us", the default); anything else is a 422 on `to`. A visitor's messages to one recipient form one conversation; a message with another subject than that conversation's starts a new one. */
            to?: string | null;
            subject?: string | null;
            /** @description 1–5 */
            body: string;
            /**
             * Format: uri
             * @description The page the message was written on (http or https).
             */
            pageUrl?: string | null;
        };
        MessageCreated: {
            id: string;
            createdAt: components["schemas"]["Instant"];
            /** @description The conversation the message belongs to. */
            conversationId?: string;
        };
        /** @enum {unknown} */
        Role: "visitor" | "specialist" | "admin";
        Person: {
            id: string;
            name: string;
        };
        ConversationSummary: components["schemas"]["ConversationFields"];
        ConversationFields: {
            id: string;
            subject: string | null;
            /** @description A specialist id, or `team`. */
            recipient: string;
            /** @enum {unknown} */
            status: "open" | "handled";
            assignee: components["schemas"]["Person"] | null;
            lastActivityAt: components["schemas"]["Instant"];
            createdAt: components["schemas"]["Instant"];
            /** @description Staff only. */
            visitor?: components["schemas"]["Person"];
        };
        ConversationItem: {
            /** @description The first 120 characters of the last message. */
            preview: string;
            /** @description Messages by others since the caller last read it. */
            unread: number;
        } & components["schemas"]["ConversationFields"];
        ConversationPage: {
            items: components["schemas"]["ConversationItem"][];
            /** @description The cursor of the following page (`?before=`), or null. */
            next: string | null;
        };
        ConversationMessage: {
            id: string;
            author: {
                id: string;
                name: string;
                role: components["schemas"]["Role"];
            };
            body: string;
            createdAt: components["schemas"]["Instant"];
            /** @description The visitor's messages only; when staff first read it (null until then). */
            seenAt?: components["schemas"]["Instant"] | null;
        };
        ConversationDetail: {
            messages: components["schemas"]["ConversationMessage"][];
        } & components["schemas"]["ConversationFields"];
        StaffMember: {
            id: string;
            name: string;
            email: string;
            /** @enum {unknown} */
            role: "specialist" | "admin";
            /** @description The specialist id of a specialist account. */
            specialist: string | null;
            /** @description True until they have chosen a password. */
            invited: boolean;
        };
        StaffInvite: {
            email: string;
            name: string;
            /** @enum {unknown} */
            role: "specialist" | "admin";
            /** @description Required for `specialist`: a specialist id (`GET /api/specialists`). */
            specialist?: string | null;
        };
        ConversationUpdate: {
            /** @enum {unknown} */
            status?: "open" | "handled";
            /** @description A staff account's id (admin only) */
            assignee?: string | null;
        };
        ReplyRequest: {
            /** @description 1–5 */
            body: string;
        };
        Specialist: {
            id: string;
            name: string;
            title: string;
            /**
             * @description IANA time zone
             * @example Europe/Kyiv
             */
            timeZone: string;
            /** @description A short introduction */
            bio?: string | null;
            /** @description BCP 47 tags of the languages they consult in, e.g. ["uk", "en"]. */
            languages?: string[];
            /**
             * Format: uri
             * @description An https image URL
             */
            photoUrl?: string | null;
            /** @description The start (UTC instant) of their next free slot of their default service within 62 days, or null. */
            nextFree?: string | null;
        };
        /** @description A specialist as the care team sees them (GET /api/clinic/specialists). */
        SpecialistDetail: {
            id: string;
            name: string;
            title: string;
            timeZone: string;
            bio: string | null;
            languages: string[];
            photoUrl: string | null;
            /** @description Where their notifications go (null: the team address). */
            email: string | null;
            /** @description False: deactivated; keeps their history, takes no new bookings, not listed publicly. */
            active: boolean;
        };
        SpecialistInput: {
            /** @description Optional; made from the name when absent ("Olena Kovalenko" → "olena-kovalenko"). 422 when taken. */
            id?: string;
            name: string;
            title: string;
            /** @description IANA time zone (422 when unknown). */
            timeZone: string;
            bio?: string | null;
            languages?: string[];
            /** @description https only. */
            photoUrl?: string | null;
            email?: string | null;
        };
        /** @description Any subset of SpecialistInput's fields (not `id`), and `active`. */
        SpecialistUpdate: {
            name?: string;
            title?: string;
            timeZone?: string;
            bio?: string | null;
            languages?: string[];
            photoUrl?: string | null;
            email?: string | null;
            active?: boolean;
        };
        LocalWindow: {
            /** @description Local wall time in the specialist's zone. */
            start: string;
            /** @description Exclusive; after start. */
            end: string;
        };
        /**
         * @description When a specialist works, in their time zone (DST-correct: 09:00 is 09:00 local all year).
         *     A date's override replaces that day's weekly windows (no windows: closed that day). Time off
         *     removes any time inside it (a day, a range, part of a day). Slots start on the service's
         *     duration grid inside each window; `bufferMinutes` keeps that much free time after (and
         *     before) every booking; `maxPerDay` caps bookings per local day (null: no cap); slots inside
         *     `minNoticeMinutes` from now are not offered.
         */
        Hours: {
            weekly: {
                /** @description ISO weekday (1 = Monday). */
                weekday: number;
                /** @description Local wall time in the specialist's zone. */
                start: string;
                /** @description Exclusive; after start. */
                end: string;
            }[];
            overrides: {
                /** @description A local date. */
                date: string;
                windows: components["schemas"]["LocalWindow"][];
            }[];
            timeOff: {
                /** @description Local date-time in the specialist's zone. */
                from: string;
                /** @description Exclusive; after `from`. */
                to: string;
                /** @description For the care team only. */
                note?: string | null;
            }[];
            minNoticeMinutes: number;
            bufferMinutes: number;
            maxPerDay: number | null;
        };
        Service: {
            id: string;
            specialist: string;
            /** @description e.g. "Free initial consultation". */
            name: string;
            durationMinutes: number;
            /** @description A label: "free", or a price text such as "€60". No payment is processed. */
            price: string | null;
            active: boolean;
        };
        ServiceInput: {
            name: string;
            /** @description A multiple of 5. */
            durationMinutes: number;
            price?: string | null;
            active?: boolean;
        };
        /** @description A booking as the care team sees it; `note` is decrypted for staff only. */
        StaffBooking: {
            id: string;
            specialist: components["schemas"]["Person"];
            service: {
                id: string;
                name: string;
                durationMinutes: number;
            } | null;
            start: components["schemas"]["Instant"];
            end: components["schemas"]["Instant"];
            /** @enum {unknown} */
            status: "confirmed" | "cancelled" | "attended" | "no-show";
            name: string;
            email: string;
            phone: string | null;
            note: string | null;
            /** @description The visitor's. */
            timeZone: string;
            createdAt: components["schemas"]["Instant"];
            cancelReason: string | null;
            /** @enum {unknown} */
            cancelledBy: "visitor" | "staff" | null;
        };
        StaffBookingPage: {
            items: components["schemas"]["StaffBooking"][];
            next: string | null;
        };
        RescheduleRequest: {
            /** @description A slot start the availability answer offers for the booking's specialist and service. */
            start: string;
            /** @description The visitor's IANA time zone (for the mail). */
            timeZone?: string;
        };
        Slot: {
            start: components["schemas"]["Instant"];
            end: components["schemas"]["Instant"];
        };
        Availability: {
            /** @description The service's length (30 for the default free consultation). */
            durationMinutes: number;
            slots: components["schemas"]["Slot"][];
        };
        BookingRequest: {
            /** @description Required when more than one specialist exists. */
            specialist?: string | null;
            /** @description A service id of that specialist (GET /api/specialists/{id}/services); default: their first active service. */
            service?: string | null;
            /** @description A slot start from the availability answer (any ISO 8601 spelling of that instant). */
            start: string;
            name: string;
            /** Format: email */
            email: string;
            phone?: string | null;
            note?: string | null;
            /**
             * @description The visitor agreed to the processing of their data (consent text version consent-v1).
             * @constant
             */
            consent: true;
            /** @description The visitor's IANA time zone. */
            timeZone: string;
        };
        BookingCreated: {
            id: string;
            start: components["schemas"]["Instant"];
            end: components["schemas"]["Instant"];
            /**
             * Format: uri
             * @description Absolute: GET shows the booking (JSON; a browser gets the manage page with a cancel form), DELETE cancels it. A secret: keep it out of logs.
             */
            manageUrl: string;
            /** Format: uri */
            icsUrl: string;
        };
        ManagedBooking: {
            id: string;
            start: components["schemas"]["Instant"];
            end: components["schemas"]["Instant"];
            specialist: {
                id: string;
                name: string;
            };
            /** @enum {unknown} */
            status: "confirmed" | "cancelled" | "attended" | "no-show";
            service?: {
                id: string;
                name: string;
                durationMinutes: number;
            };
        };
        /** @description A CSL-JSON item; `annotation` is hearth's own field (plain text or a tiny safe markup subset). */
        CslItem: {
            id: string | number;
            type?: string;
            title?: string;
            annotation?: string;
        } & {
            [key: string]: unknown;
        };
    };
    responses: {
        /**
         * @description Preflight answer. For an allowlisted `Origin` (or the server's own) with
         *     `Access-Control-Request-Method`: Access-Control-Allow-Origin, -Credentials, -Methods,
         *     -Headers and -Max-Age. For any other origin: on a public read (see CORS above) asking for
         *     GET or HEAD, `Access-Control-Allow-Origin: *` without credentials; otherwise none of them
         *     (the browser then refuses).
         */
        Preflight: {
            headers: {
                Allow: components["headers"]["Allow"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description An HTML page (CSP `default-src 'self'; script-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'`; a sign-in or sign-up page returning to an allowlisted site adds that origin to `form-action`, which browsers apply to the form's redirect). */
        Page: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "text/html": string;
            };
        };
        /** @description Too many attempts; the form page again, with an error summary (role=alert) saying in how many minutes to try again. */
        TooManyAttemptsPage: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "text/html": string;
            };
        };
        /** @description Signed in; on to the return path (or `/`), or to an allowlisted site's return URL with `#hearth-code=<one-time code>&state=<state>`. */
        SignedInRedirect: {
            headers: {
                Location: string;
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description Malformed JSON, an unreadable body, a bad Content-Length or a malformed Idempotency-Key. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Not signed in (no session, or an expired or unknown token). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A cookie-authenticated write from an origin that is neither the server's own nor allowlisted (`/problems/csrf`). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Signed in, but not allowed this (a visitor changing a conversation; a specialist asking for another specialist's; a CSRF refusal). */
        NotYours: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Nothing at this address. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No booking has this manage token. */
        BookingNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The path exists, the method does not. */
        MethodNotAllowed: {
            headers: {
                Allow: components["headers"]["Allow"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is larger than 16 KiB. */
        ContentTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not `application/json`. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Invalid fields (`errors` per field), or an Idempotency-Key reused with another body (`/problems/idempotency-key-reused`). */
        ValidationFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ValidationProblem"] | (components["schemas"]["Problem"] & {
                    /** @constant */
                    type?: "/problems/idempotency-key-reused";
                });
            };
        };
        /** @description The `Idempotency-Key` header is missing. */
        IdempotencyKeyRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    type?: "/problems/idempotency-key-required";
                };
            };
        };
        /** @description Rate limit reached. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description An unexpected failure (no internals are disclosed). */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        SpecialistId: string;
        ConversationId: string;
        /** @description 1–255 visible ASCII characters, e.g. a random UUID per logical write (400 if malformed, 428 if missing). */
        IdempotencyKey: string;
        /** @description The secret from `manageUrl` (32 random bytes, base64url). Only its SHA-256 is stored. */
        ManageToken: string;
        /** @description The origin of the site whose widget opened this page as a popup. */
        PopupOrigin: string;
        /** @description Where to return after signing in — a same-origin path, or an absolute http(s) URL on an allowlisted origin (then with a one-time code and the state in the fragment); anything else is ignored. */
        ReturnPath: string;
    };
    requestBodies: never;
    headers: {
        NoStore: "no-store";
        /** @description The answer depends on `Accept` (and, for CORS, `Origin`). */
        VaryAccept: string;
        /** @description "true" when this answer is the replay of an earlier request with the same key. */
        IdempotentReplayed: "true";
        /** @description Seconds to wait before trying again. */
        RetryAfter: string;
        Allow: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session (user is null when signed out or the token is invalid or expired). */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            500: components["responses"]["ServerError"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process serves and the database answered. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok",
                     *       "db": "ok"
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The database did not answer within 2 seconds (or refused). */
            503: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "error",
                     *       "db": "unreachable"
                     *     }
                     */
                    "application/json": components["schemas"]["HealthFailure"];
                };
            };
        };
    };
    exchangeSignInCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description The bearer token. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["ServerError"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            403: components["responses"]["Forbidden"];
            500: components["responses"]["ServerError"];
        };
    };
    sendMessage: {
        parameters: {
            query?: never;
            header: {
                /** @description 1–255 visible ASCII characters, e.g. a random UUID per logical write (400 if malformed, 428 if missing). */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageRequest"];
            };
        };
        responses: {
            /** @description Stored (or replayed). */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["IdempotencyKeyRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    listConversations: {
        parameters: {
            query?: {
                status?: "open" | "handled";
                /** @description `1`: only those assigned to the caller (staff). */
                mine?: "0" | "1";
                /** @description Only those addressed to this recipient (a specialist id or `team`); the message box asks for its own. */
                recipient?: string;
                /** @description An opaque cursor (a previous answer's `next`). */
                before?: string;
                /** @description 1–100, default 20. */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of conversations. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["ServerError"];
        };
    };
    getConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversationId: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conversation. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationDetail"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["NotYours"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    updateConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversationId: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConversationUpdate"];
            };
        };
        responses: {
            /** @description The conversation as it is now (without messages). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationSummary"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["NotYours"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["ServerError"];
        };
    };
    replyToConversation: {
        parameters: {
            query?: never;
            header: {
                /** @description 1–255 visible ASCII characters, e.g. a random UUID per logical write (400 if malformed, 428 if missing). */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                conversationId: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplyRequest"];
            };
        };
        responses: {
            /** @description Stored (or replayed). */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["NotYours"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["IdempotencyKeyRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    markConversationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversationId: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Marked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["NotYours"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    streamEvents: {
        parameters: {
            query?: never;
            header?: {
                /** @description The id of the last event received (EventSource sends it on reconnect). */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event stream; ends when the client disconnects, its sign-in ends or expires, or the server stops. */
            200: {
                headers: {
                    "Cache-Control"?: "no-store";
                    "X-Accel-Buffering"?: "no";
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["ServerError"];
            /** @description The server is stopping, or the database did not answer; reconnect. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Staff accounts, by name. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMember"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["NotYours"];
            500: components["responses"]["ServerError"];
        };
    };
    inviteStaff: {
        parameters: {
            query?: never;
            header: {
                /** @description 1–255 visible ASCII characters, e.g. a random UUID per logical write (400 if malformed, 428 if missing). */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffInvite"];
            };
        };
        responses: {
            /** @description Invited (or replayed). */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMember"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["NotYours"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["IdempotencyKeyRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    listSpecialists: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Specialists, in display order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Specialist"][];
                };
            };
            500: components["responses"]["ServerError"];
        };
    };
    listServices: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                specialistId: components["parameters"]["SpecialistId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Active services, in display order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"][];
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    rescheduleBooking: {
        parameters: {
            query?: never;
            header: {
                /** @description 1–255 visible ASCII characters, e.g. a random UUID per logical write (400 if malformed, 428 if missing). */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The secret from `manageUrl` (32 random bytes, base64url). Only its SHA-256 is stored. */
                token: components["parameters"]["ManageToken"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RescheduleRequest"];
            };
        };
        responses: {
            /** @description Moved (or replayed). */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedBooking"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The slot is taken (`/problems/slot-taken`), the booking is cancelled (`/problems/booking-cancelled`) or has started (`/problems/booking-past`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["IdempotencyKeyRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    listClinicSpecialists: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Specialists, active first, in display order. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpecialistDetail"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["NotYours"];
            500: components["responses"]["ServerError"];
        };
    };
    createSpecialist: {
        parameters: {
            query?: never;
            header: {
                /** @description 1–255 visible ASCII characters, e.g. a random UUID per logical write (400 if malformed, 428 if missing). */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SpecialistInput"];
            };
        };
        responses: {
            /** @description Added (or replayed). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpecialistDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["NotYours"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["IdempotencyKeyRequired"];
            500: components["responses"]["ServerError"];
        };
    };
    updateSpecialist: {
        parameters: {
            query?: never;
            header: {
                /** @description 1–255 visible ASCII characters, e.g. a random UUID per logical write (400 if malformed, 428 if missing). */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                specialistId: components["parameters"]["SpecialistId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SpecialistUpdate"];
            };
        };
        responses: {
            /** @description The specialist as now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpecialistDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["NotYours"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["IdempotencyKeyRequired"];
            500: components["responses"]["ServerError"];
        };
    };
    getHours: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                specialistId: components["parameters"]["SpecialistId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Their hours. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Hours"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["NotYours"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    putHours: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                specialistId: components["parameters"]["SpecialistId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Hours"];
            };
        };
        responses: {
            /** @description The hours as stored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Hours"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["NotYours"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["ServerError"];
        };
    };
    listClinicServices: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                specialistId: components["parameters"]["SpecialistId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Services, in display order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["NotYours"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    createService: {
        parameters: {
            query?: never;
            header: {
                /** @description 1–255 visible ASCII characters, e.g. a random UUID per logical write (400 if malformed, 428 if missing). */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                specialistId: components["parameters"]["SpecialistId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceInput"];
            };
        };
        responses: {
            /** @description Added (or replayed). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["NotYours"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["IdempotencyKeyRequired"];
            500: components["responses"]["ServerError"];
        };
    };
    updateService: {
        parameters: {
            query?: never;
            header: {
                /** @description 1–255 visible ASCII characters, e.g. a random UUID per logical write (400 if malformed, 428 if missing). */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                serviceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceInput"];
            };
        };
        responses: {
            /** @description The service as now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["NotYours"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["IdempotencyKeyRequired"];
            500: components["responses"]["ServerError"];
        };
    };
    listBookings: {
        parameters: {
            query?: {
                when?: "upcoming" | "past";
                /** @description Admin only (a specialist always gets their own). */
                specialist?: string;
                /** @description A previous page's `next`. */
                before?: string;
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of bookings. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffBookingPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["NotYours"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["ServerError"];
        };
    };
    exportBookings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bookings. */
            200: {
                headers: {
                    "Content-Disposition"?: string;
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["NotYours"];
            500: components["responses"]["ServerError"];
        };
    };
    updateBooking: {
        parameters: {
            query?: never;
            header: {
                /** @description 1–255 visible ASCII characters, e.g. a random UUID per logical write (400 if malformed, 428 if missing). */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                bookingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {unknown} */
                    status: "attended" | "no-show";
                };
            };
        };
        responses: {
            /** @description The booking as now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffBooking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["NotYours"];
            404: components["responses"]["NotFound"];
            /** @description The booking is cancelled. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["IdempotencyKeyRequired"];
            500: components["responses"]["ServerError"];
        };
    };
    cancelBookingAsStaff: {
        parameters: {
            query?: never;
            header: {
                /** @description 1–255 visible ASCII characters, e.g. a random UUID per logical write (400 if malformed, 428 if missing). */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                bookingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description For the care team's records. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The booking as now (cancelled). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffBooking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["NotYours"];
            404: components["responses"]["NotFound"];
            /** @description Already cancelled (`/problems/booking-cancelled`), or started or over (`/problems/booking-past`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["IdempotencyKeyRequired"];
            500: components["responses"]["ServerError"];
        };
    };
    getAvailability: {
        parameters: {
            query: {
                /** @description A specialist id; required when more than one specialist exists. */
                specialist?: string;
                /** @description An ISO 8601 date (taken as 00:00 UTC) or date-time with a zone. */
                from: string;
                /** @description Like `from`; exclusive; after `from`, at most 62 days later. */
                to: string;
                /** @description A service id of the specialist; default their first active service. Slots are that long. */
                service?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Free slots, ascending. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Availability"];
                };
            };
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["ServerError"];
        };
    };
    bookConsultation: {
        parameters: {
            query?: never;
            header: {
                /** @description 1–255 visible ASCII characters, e.g. a random UUID per logical write (400 if malformed, 428 if missing). */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BookingRequest"];
            };
        };
        responses: {
            /** @description Booked (or replayed). */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            /** @description The slot is taken. `detail` is a sentence the widget can show. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        type?: "/problems/slot-taken";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["IdempotencyKeyRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    getBooking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret from `manageUrl` (32 random bytes, base64url). Only its SHA-256 is stored. */
                token: components["parameters"]["ManageToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The booking (no personal data). */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    Vary: components["headers"]["VaryAccept"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedBooking"];
                    /** @description The manage page (page CSP, as `#/components/responses/Page`). */
                    "text/html": string;
                };
            };
            /** @description No booking has this manage token (problem+json; an HTML page for a browser). */
            404: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    Vary: components["headers"]["VaryAccept"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/html": string;
                };
            };
            500: components["responses"]["ServerError"];
        };
    };
    cancelBooking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret from `manageUrl` (32 random bytes, base64url). Only its SHA-256 is stored. */
                token: components["parameters"]["ManageToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled (now or before). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            403: components["responses"]["Forbidden"];
            404: components["responses"]["BookingNotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    getBookingIcs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret from `manageUrl` (32 random bytes, base64url). Only its SHA-256 is stored. */
                token: components["parameters"]["ManageToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One VEVENT with the manage link. */
            200: {
                headers: {
                    "Content-Disposition"?: "attachment; filename=\"consultation.ics\"";
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            404: components["responses"]["BookingNotFound"];
            /** @description The booking was cancelled. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["ServerError"];
        };
    };
    cancelBookingForm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret from `manageUrl` (32 random bytes, base64url). Only its SHA-256 is stored. */
                token: components["parameters"]["ManageToken"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": Record<string, never>;
            };
        };
        responses: {
            /** @description Cancelled (now or before); on to the manage page. */
            303: {
                headers: {
                    Location: string;
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Page"];
            /** @description A cross-site form post (HTML page), or a cookie-carrying post from a foreign origin (`/problems/csrf`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            404: components["responses"]["Page"];
            413: components["responses"]["Page"];
            415: components["responses"]["Page"];
            500: components["responses"]["ServerError"];
        };
    };
    getReferences: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                listId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The list's CSL-JSON items; each may carry an `annotation`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CslItem"][];
                };
            };
            /** @description No list has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["ServerError"];
        };
    };
    loginPage: {
        parameters: {
            query?: {
                /** @description The origin of the site whose widget opened this page as a popup. */
                origin?: components["parameters"]["PopupOrigin"];
                /** @description Where to return after signing in — a same-origin path, or an absolute http(s) URL on an allowlisted origin (then with a one-time code and the state in the fragment); anything else is ignored. */
                return?: components["parameters"]["ReturnPath"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Page"];
            303: components["responses"]["SignedInRedirect"];
            400: components["responses"]["Page"];
            500: components["responses"]["ServerError"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    email: string;
                    password: string;
                    origin?: string;
                    return?: string;
                    challenge?: string;
                    state?: string;
                };
            };
        };
        responses: {
            200: components["responses"]["Page"];
            303: components["responses"]["SignedInRedirect"];
            400: components["responses"]["Page"];
            401: components["responses"]["Page"];
            403: components["responses"]["Page"];
            413: components["responses"]["Page"];
            415: components["responses"]["Page"];
            422: components["responses"]["Page"];
            429: components["responses"]["TooManyAttemptsPage"];
            500: components["responses"]["ServerError"];
        };
    };
    continueSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    origin?: string;
                    return?: string;
                    challenge?: string;
                    state?: string;
                };
            };
        };
        responses: {
            200: components["responses"]["Page"];
            303: components["responses"]["SignedInRedirect"];
            400: components["responses"]["Page"];
            403: components["responses"]["Page"];
            413: components["responses"]["Page"];
            415: components["responses"]["Page"];
            500: components["responses"]["ServerError"];
        };
    };
    signOutPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": Record<string, never>;
            };
        };
        responses: {
            /** @description Signed out; back to the sign-in form. */
            303: {
                headers: {
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            403: components["responses"]["Page"];
            413: components["responses"]["Page"];
            415: components["responses"]["Page"];
            500: components["responses"]["ServerError"];
        };
    };
    signupPage: {
        parameters: {
            query?: {
                /** @description The origin of the site whose widget opened this page as a popup. */
                origin?: components["parameters"]["PopupOrigin"];
                /** @description Where to return after signing in — a same-origin path, or an absolute http(s) URL on an allowlisted origin (then with a one-time code and the state in the fragment); anything else is ignored. */
                return?: components["parameters"]["ReturnPath"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Page"];
            303: components["responses"]["SignedInRedirect"];
            400: components["responses"]["Page"];
            500: components["responses"]["ServerError"];
        };
    };
    signup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    name: string;
                    email: string;
                    password: string;
                    origin?: string;
                    return?: string;
                    challenge?: string;
                    state?: string;
                };
            };
        };
        responses: {
            200: components["responses"]["Page"];
            303: components["responses"]["SignedInRedirect"];
            400: components["responses"]["Page"];
            403: components["responses"]["Page"];
            413: components["responses"]["Page"];
            415: components["responses"]["Page"];
            422: components["responses"]["Page"];
            429: components["responses"]["TooManyAttemptsPage"];
            500: components["responses"]["ServerError"];
        };
    };
    confirmSignupPage: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Page"];
            400: components["responses"]["Page"];
            500: components["responses"]["ServerError"];
        };
    };
    confirmSignup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    token: string;
                };
            };
        };
        responses: {
            200: components["responses"]["Page"];
            303: components["responses"]["SignedInRedirect"];
            400: components["responses"]["Page"];
            403: components["responses"]["Page"];
            409: components["responses"]["Page"];
            413: components["responses"]["Page"];
            415: components["responses"]["Page"];
            500: components["responses"]["ServerError"];
        };
    };
    deskPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Page"];
            /** @description Signed out; to the sign-in page, which returns here. */
            303: {
                headers: {
                    Location: "/login?return=/desk";
                    [name: string]: unknown;
                };
                content?: never;
            };
            403: components["responses"]["Page"];
            500: components["responses"]["ServerError"];
        };
    };
    invitePage: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Page"];
            400: components["responses"]["Page"];
            500: components["responses"]["ServerError"];
        };
    };
    acceptInvite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    token: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Signed in (Set-Cookie); on to the desk. */
            303: {
                headers: {
                    Location: "/desk";
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Page"];
            403: components["responses"]["Page"];
            413: components["responses"]["Page"];
            415: components["responses"]["Page"];
            422: components["responses"]["Page"];
            500: components["responses"]["ServerError"];
        };
    };
}
