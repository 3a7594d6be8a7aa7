// An Angular standalone component using the elements: CUSTOM_ELEMENTS_SCHEMA lets the template use
// them; (hearth-…) bindings listen to their events. Type-checked with tsc by npm run check:package
// (tsconfig.angular.json; the template itself is checked by Angular's compiler, not here).
import { CUSTOM_ELEMENTS_SCHEMA, Component, signal } from '@angular/core';
import 'hearth-widgets';
import type { BookingConfirmedDetail, HearthConsultationButton, ReferencesLoadedDetail } from 'hearth-widgets';

@Component({
  selector: 'app-contact',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <hearth-provider api="https://clinic.example/api">
      <hearth-references src="/references.bib" citation-style="apa" [onlyCited]="true" (hearth-references-loaded)="onLoaded($event)"></hearth-references>
      <hearth-message-box to="care-team" [maxLength]="2000"></hearth-message-box>
      <hearth-consultation-button specialist="dr-rivera" [mode]="mode" (hearth-booking-confirmed)="onBooked($event)"></hearth-consultation-button>
      @if (booked(); as b) {
        <p>Booked for {{ b.start }}</p>
      }
    </hearth-provider>
  `,
})
export class ContactComponent {
  readonly booked = signal<BookingConfirmedDetail | undefined>(undefined);
  readonly mode: HearthConsultationButton['mode'] = 'inline';

  // Angular types $event as Event for elements it does not know: narrow it here.
  onBooked(event: Event) {
    this.booked.set((event as CustomEvent<BookingConfirmedDetail>).detail);
  }

  onLoaded(event: Event) {
    console.log((event as CustomEvent<ReferencesLoadedDetail>).detail.count.toFixed(0));
  }
}
