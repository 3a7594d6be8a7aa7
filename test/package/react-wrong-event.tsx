// Must NOT type-check (npm run check:package expects tsc to fail): the event detail is typed.
import 'hearth-widgets';
import 'hearth-widgets/react';

export function WrongEvent() {
  // expected error: BookingConfirmedDetail has no `minutes`
  return <hearth-consultation-button onhearth-booking-confirmed={(event) => console.log(event.detail.minutes)}></hearth-consultation-button>;
}
