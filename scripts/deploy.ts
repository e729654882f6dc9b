// npm run deploy -- <đích> [--via folder|rsync|rclone] [--host cloudflare|netlify] [--dry-run] [--force]
// Publishes _site/ (after checking it is a complete build of the current sources): assets, then pages, then deletes.
import { parseArgs } from 'node:util';
import { buildSettings } from '../src/settings/index.ts';
import {
  deploy,
  DeployRefused,
  hostNames,
  HOST_FILES,
  transportNames,
  type HostName,
  type Operation,
  type TransportName,
} from '../src/deploy/index.ts';
import { pathPrefixOf } from '../src/routes/index.ts';

const usage = `Cách dùng: npm run deploy -- <đích> [--via folder|rsync|rclone] [--host cloudflare|netlify] [--dry-run] [--force]
  <đích>  thư mục (/var/www/cong-thong-tin), máy chủ rsync (nguoi-dung@may-chu:/var/www/cong-thong-tin)
          hoặc remote của rclone (s3-tinh:cong-thong-tin)
  --host  đích là gốc của một bản triển khai Cloudflare Pages hoặc Netlify (ví dụ thư mục cho
          "wrangler pages deploy" hay "netlify deploy --dir"): cổng có tiền tố được đặt vào thư mục
          của tiền tố, còn _headers và _redirects ở gốc, nơi duy nhất máy chủ đọc chúng`;

const labels: Record<string, string> = {
  'assets add': '+ tài nguyên',
  'assets update': '~ tài nguyên',
  'pages add': '+ trang',
  'pages update': '~ trang',
  'stale delete': '- xóa',
  'manifest add': '✓ ghi dấu bản dựng',
  'manifest update': '✓ ghi dấu bản dựng',
};

function readArgs() {
  try {
    const args = parseArgs({
      allowPositionals: true,
      options: {
        via: { type: 'string' },
        host: { type: 'string' },
        'dry-run': { type: 'boolean' },
        force: { type: 'boolean' },
      },
    });
    if (args.positionals.length !== 1) throw new Error('Cần đúng một đích.');
    if (args.values.via && !transportNames.includes(args.values.via as TransportName))
      throw new Error(`--via phải là ${transportNames.join(', ')}.`);
    if (args.values.host && !hostNames.includes(args.values.host as HostName))
      throw new Error(`--host phải là ${hostNames.join(' hoặc ')}.`);
    return args;
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}

const args = readArgs();
try {
  const started = performance.now();
  const dryRun = args.values['dry-run'] ?? false;
  const { target, manifest, operations } = deploy({
    outputDir: buildSettings().outputDir,
    target: args.positionals[0],
    via: args.values.via as TransportName | undefined,
    host: args.values.host as HostName | undefined,
    dryRun,
    force: args.values.force,
    onOperation: (op: Operation) => console.log(`${labels[`${op.phase} ${op.action}`]}  ${op.path}`),
  });
  const count = (phase: string) => operations.filter((op) => op.phase === phase).length;
  console.log(
    `${dryRun ? 'Chạy thử (không thay đổi gì): ' : 'Đã triển khai '}bản dựng cho ${manifest.baseUrl} lên ${target.location} (${target.transport}): ` +
      `${count('assets')} tài nguyên, ${count('pages')} trang, xóa ${count('stale')} tệp cũ, trong ${((performance.now() - started) / 1000).toFixed(1)} giây.`,
  );
  const prefix = pathPrefixOf(manifest.baseUrl);
  if (args.values.host && prefix !== '/') {
    console.log(
      `Cổng nằm trong ${prefix} của đích; ${HOST_FILES.join(' và ')} (đường dẫn có tiền tố), robots.txt và 404.html ở gốc của đích, ` +
        'nơi máy chủ đọc chúng.',
    );
  }
} catch (error) {
  console.error(error instanceof DeployRefused ? error.message : `Triển khai thất bại: ${(error as Error).message}`);
  process.exit(1);
}
