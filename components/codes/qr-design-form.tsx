import { QrDesignEditor } from '@/components/codes/qr-design-editor'
import { getCodeWithDesign } from '@/lib/codes/design-service'
import { toQrText } from '@/lib/codes/qr'
import type { QrCode } from '@/lib/codes/types'

/** Renders the "Design" panel of a code page: colours, error correction, quiet zone and logo, with a live preview. */
export async function QrDesignPanel({ code }: { code: QrCode }) {
  const found = await getCodeWithDesign(code.id)
  if (!found) return null
  return <QrDesignEditor codeId={code.id} slug={code.slug} qrText={toQrText(code.shortUrl)} design={found.design} />
}
