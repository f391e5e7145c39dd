/** Decodes the QR in the current video frame; null when the frame shows no readable QR. */
export type QrDecoder = (video: HTMLVideoElement) => Promise<string | null>

// The Shape Detection API is not in TypeScript's DOM library, so only the part used here is typed.
interface BarcodeDetectorInstance {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorInstance
  getSupportedFormats(): Promise<string[]>
}

// jsQR's time grows with the pixel count, so larger frames are scaled down to this width first.
const MAX_FRAME_WIDTH = 640

/** Returns a decoder on the browser's BarcodeDetector when it reads QR codes, else null. */
async function createNativeDecoder(): Promise<QrDecoder | null> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector
  if (!Detector) return null
  try {
    const formats = await Detector.getSupportedFormats()
    if (!formats.includes('qr_code')) return null
    const detector = new Detector({ formats: ['qr_code'] })
    return async (video) => {
      const codes = await detector.detect(video)
      return codes.find((code) => code.rawValue !== '')?.rawValue ?? null
    }
  } catch {
    return null
  }
}

/** Returns a decoder that runs jsQR on a downscaled copy of the frame. jsQR is loaded only when needed. */
async function createJsQrDecoder(): Promise<QrDecoder> {
  const { default: jsQR } = await import('jsqr')
  const canvas = document.createElement('canvas')
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) throw new Error('This browser cannot draw video frames on a canvas, which the QR decoder needs.')

  return async (video) => {
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return null
    const scale = Math.min(1, MAX_FRAME_WIDTH / video.videoWidth)
    const width = Math.round(video.videoWidth * scale)
    const height = Math.round(video.videoHeight * scale)
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width
      canvas.height = height
    }
    context.drawImage(video, 0, 0, width, height)
    const frame = context.getImageData(0, 0, width, height)
    // Badges are printed dark on light, so the inverted pass would only double the work.
    const code = jsQR(frame.data, width, height, { inversionAttempts: 'dontInvert' })
    return code && code.data !== '' ? code.data : null
  }
}

/** Prefers the browser's own QR decoder, which is faster, and falls back to jsQR. */
export async function createQrDecoder(): Promise<QrDecoder> {
  return (await createNativeDecoder()) ?? createJsQrDecoder()
}
