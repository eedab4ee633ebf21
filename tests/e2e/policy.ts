/** Chromium's managed policies for the browser tests (written as root into /etc/chromium). */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const POLICY_DIR = '/etc/chromium/policies/managed';

/** the id Chromium gives an unpacked extension: sha256 of its absolute path, hex mapped to a–p */
export function extensionIdOf(dir: string): string {
  const hex = crypto.createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** whether this run may write policies (root); the policy tests skip otherwise */
export function canWritePolicies(): boolean {
  try {
    fs.mkdirSync(POLICY_DIR, { recursive: true });
    fs.accessSync(POLICY_DIR, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
