import { create } from 'qrcode';
import type { QrModules } from '../../../shared/contract/devices';

/** The invitation code as a QR code's modules; the renderer draws them (no image format to trust). */
export const qrModules = (text: string): QrModules => {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const rows: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    rows.push(Array.from(modules.data.subarray(row * modules.size, (row + 1) * modules.size), (dark) => (dark ? '1' : '0')).join(''));
  }
  return { size: modules.size, rows };
};
