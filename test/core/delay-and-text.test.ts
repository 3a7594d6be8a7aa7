import { expect } from '@open-wc/testing';
import { clampDelay, MAX_DELAY } from '../../src/core/delay.js';
import { wellFormed } from '../../src/core/text.js';

describe('clampDelay', () => {
  it('keeps sane delays, and gives 0 for NaN or negative ones', () => {
    expect(clampDelay(1500)).to.equal(1500);
    expect(clampDelay(0)).to.equal(0);
    expect(clampDelay(-5)).to.equal(0);
    expect(clampDelay(NaN)).to.equal(0);
  });

  it('caps what would overflow setTimeout (2^31 ms and more, Infinity) at an hour', () => {
    expect(MAX_DELAY).to.equal(3_600_000);
    for (const ms of [2_147_484_000, 2 ** 31, 1e300, Infinity]) expect(clampDelay(ms)).to.equal(MAX_DELAY);
  });
});

describe('wellFormed', () => {
  const check = () => {
    expect(wellFormed('plain')).to.equal('plain');
    expect(wellFormed('emoji 😀 kept')).to.equal('emoji 😀 kept');
    expect(wellFormed('cut \uD83D')).to.equal('cut \uFFFD');
    expect(wellFormed('\uDE00 alone')).to.equal('\uFFFD alone');
    expect(wellFormed('\uDE00\uD83D')).to.equal('\uFFFD\uFFFD');
    expect(() => encodeURIComponent(wellFormed('a\uD800b'))).not.to.throw();
  };

  it('replaces lone surrogates with U+FFFD and keeps pairs', () => check());

  it('does the same without String.prototype.toWellFormed (older browsers)', () => {
    const proto = String.prototype as { toWellFormed?: () => string };
    const own = Object.getOwnPropertyDescriptor(proto, 'toWellFormed');
    delete proto.toWellFormed;
    try {
      check();
    } finally {
      if (own) Object.defineProperty(proto, 'toWellFormed', own);
    }
  });
});
