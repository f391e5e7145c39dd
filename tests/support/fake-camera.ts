import fs from 'node:fs'

import QRCode from 'qrcode'

const WIDTH = 640
const HEIGHT = 480
// Chromium loops the file, so a few identical frames make a still picture.
const FRAME_COUNT = 5
// Four light modules around the symbol, the quiet zone that the QR standard requires.
const QUIET_ZONE_MODULES = 4

/**
 * Writes a Y4M video (YUV4MPEG2, 4:2:0) of `text` as a QR code, black on white, for Chromium's
 * `--use-file-for-fake-video-capture`. The QR is drawn at the largest integer scale that fits,
 * centred, with error correction level M as on printed badges.
 */
export function writeQrVideo(file: string, text: string): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const size = qr.modules.size
  const scale = Math.floor(Math.min(WIDTH, HEIGHT) / (size + 2 * QUIET_ZONE_MODULES))
  if (scale < 1) throw new Error(`The QR for "${text}" has ${size} modules, too many for a ${WIDTH}x${HEIGHT} frame.`)

  const luma = Buffer.alloc(WIDTH * HEIGHT, 255)
  const left = Math.floor((WIDTH - size * scale) / 2)
  const top = Math.floor((HEIGHT - size * scale) / 2)
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      if (!qr.modules.get(row, column)) continue
      for (let y = 0; y < scale; y++) {
        const start = (top + row * scale + y) * WIDTH + left + column * scale
        luma.fill(0, start, start + scale)
      }
    }
  }
  // 128 in both chroma planes means no colour: a grey-scale picture.
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128)

  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma])
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`)
  fs.writeFileSync(file, Buffer.concat([header, ...Array.from({ length: FRAME_COUNT }, () => frame)]))
}
