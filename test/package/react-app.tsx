// A React 19 app using every element with the types of hearth-widgets/react (type-checked by
// npm run check:package against the packed package: tsconfig.react.json).
import { useRef, useState } from 'react';
import 'hearth-widgets';
import 'hearth-widgets/define/hearth-desk.js';
import 'hearth-widgets/react';
import type { BookingConfirmedDetail, HearthBackend, HearthConsultationButton, HearthReferences } from 'hearth-widgets';

export function App({ backend }: { backend?: HearthBackend }) {
  const [booked, setBooked] = useState<BookingConfirmedDetail>();
  const button = useRef<HearthConsultationButton>(null);
  const list = useRef<HearthReferences>(null);
  const onBooked = (event: CustomEvent<BookingConfirmedDetail>) => setBooked(event.detail);

  return (
    <hearth-provider api="https://clinic.example/api" backend={backend}>
      <p>
        As shown before <hearth-cite cite-key="smith2020" locator="p. 12"></hearth-cite> and
        <hearth-cite keys="doe2021 roe2019" for="refs"></hearth-cite>.
      </p>
      <hearth-references
        id="refs"
        ref={list}
        src="/references.bib"
        format="bibtex"
        citation-style="apa"
        sort="author"
        only-cited
        tools="copy export"
        className="refs"
        style={{ '--hearth-accent': '#0a6', marginBlock: 8 }}
        onhearth-references-loaded={(event) => console.log(event.detail.count.toFixed(0))}
        onhearth-error={(event) => console.error(event.detail.error, event.detail.issues?.map((issue) => issue.line))}
      ></hearth-references>
      <hearth-login-gate action="https://clinic.example/login" getToken={() => sessionStorage.getItem('token')}>
        <hearth-message-box
          to="care-team"
          subject
          max-length={2000}
          draft-key="contact"
          crisis-line="988"
          onhearth-message-sent={(event) => console.log(event.detail.id, event.detail.createdAt)}
          onhearth-message-queued={(event) => console.log(event.detail.idempotencyKey)}
          onhearth-login-requested={(event) => event.detail.mode === 'login' && event.preventDefault()}
        ></hearth-message-box>
      </hearth-login-gate>
      <hearth-consultation-button
        ref={button}
        class="book"
        specialist="dr-rivera"
        mode="inline"
        time-zone="Europe/Berlin"
        privacy-url="https://clinic.example/privacy"
        prefill={{ name: 'Ada', email: 'ada@example.org' }}
        onhearth-booking-confirmed={onBooked}
        onhearth-booking-failed={(event) => console.warn(event.detail.during)}
        onhearth-booking-close={(event) => console.log(event.detail.booked)}
      >
        Book a free consultation
      </hearth-consultation-button>
      {booked && <p>Booked for {new Date(booked.start).toLocaleString()}</p>}
      <hearth-desk section="inbox" filter="open" onhearth-desk-reply-sent={(event) => console.log(event.detail.conversationId)}></hearth-desk>
    </hearth-provider>
  );
}
