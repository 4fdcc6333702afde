import { describe, expect, it } from 'vitest';
import { rebaseString } from '../../conformance/rebase-origins';

const recorded = { page: 'http://127.0.0.1:8080', api: 'http://127.0.0.1:8081' };
const replayed = { page: 'http://127.0.0.1:41000', api: 'http://127.0.0.1:41001' };

describe('rebaseString', () => {
  it('moves both origins, wherever they appear in a value', () => {
    expect(rebaseString('Origin http://127.0.0.1:8080, target http://127.0.0.1:8081/x?y', recorded, replayed)).toBe(
      'Origin http://127.0.0.1:41000, target http://127.0.0.1:41001/x?y',
    );
  });

  it('leaves a longer port alone, for either origin', () => {
    expect(rebaseString('http://127.0.0.1:80801 http://127.0.0.1:80811', recorded, replayed)).toBe('http://127.0.0.1:80801 http://127.0.0.1:80811');
  });
});
