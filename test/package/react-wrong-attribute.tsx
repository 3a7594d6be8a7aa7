// Must NOT type-check (npm run check:package expects tsc to fail on the line marked below): proves the
// React types of hearth-widgets/react bite.
import 'hearth-widgets';
import 'hearth-widgets/react';

export function Wrong() {
  return (
    <>
      {/* expected error: mode is 'dialog' | 'inline' */}
      <hearth-consultation-button mode="popup"></hearth-consultation-button>
    </>
  );
}
