/**
 * Sinh ảnh minh họa giả lập (placeholder) cho nội dung mẫu.
 *
 * Mỗi ảnh là một nền chuyển màu (gradient) kèm các hình khối đơn giản vẽ bằng
 * lớp phủ SVG (đồi núi, mặt nước, mặt trời, cây, nhà...). Không có chữ, không
 * tải gì từ mạng. Kết quả hoàn toàn xác định: cùng tên tệp luôn cho cùng ảnh.
 *
 * Chạy: npx tsx scripts/sample-images.ts
 * Kết quả: content/images/<tên>.jpg (1600×1067, JPEG chất lượng 80).
 *
 * Một số ảnh được xuất như ảnh chụp thật từ máy ảnh, điện thoại (danh sách
 * `cameraPhotos`): khổ lớn (4800×3201), hoặc lưu nằm nghiêng kèm thẻ EXIF
 * Orientation, kèm thông tin máy chụp và tọa độ GPS, để bộ xử lý ảnh của cổng
 * có dữ liệu thật để xoay ảnh và xóa siêu dữ liệu.
 *
 * Ngoài danh sách chủ đề bên dưới, script còn quét front matter của
 * content/articles/**.md; ảnh nào được tham chiếu (image.src) mà chưa có chủ đề
 * riêng sẽ được sinh bằng bảng màu suy ra từ tên tệp.
 */
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { seededRandom, type Rng } from './random.ts';

const WIDTH = 1600;
const HEIGHT = 1067;
const QUALITY = 80;
const MAX_BYTES = 250 * 1024;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONTENT_DIR = path.join(ROOT, 'content');
const ARTICLES_DIR = path.join(CONTENT_DIR, 'articles');
const IMAGES_DIR = path.join(CONTENT_DIR, 'images');

type Rgb = readonly [number, number, number];

/** Băm chuỗi thành số nguyên 32 bit (FNV-1a). */
function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i += 1) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const between = (rng: Rng, min: number, max: number): number => min + rng() * (max - min);
const round = (value: number): number => Math.round(value * 10) / 10;

function hexToRgb(hex: string): Rgb {
  const clean = hex.replace('#', '');
  return [Number.parseInt(clean.slice(0, 2), 16), Number.parseInt(clean.slice(2, 4), 16), Number.parseInt(clean.slice(4, 6), 16)];
}

function hslToHex(h: number, s: number, l: number): string {
  const hue = ((h % 360) + 360) % 360;
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number): string => {
    const k = (n + hue / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** Nền chuyển màu chéo 3 điểm dừng, tính trực tiếp thành điểm ảnh RGB (width × height). */
function gradientBackground(stops: readonly [string, string, string], width = WIDTH, height = HEIGHT): Buffer {
  const [c0, c1, c2] = stops.map(hexToRgb) as [Rgb, Rgb, Rgb];
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      // Hướng chủ yếu từ trên xuống, hơi nghiêng theo chiều ngang.
      const t = Math.min(1, Math.max(0, (y / height) * 0.85 + (x / width) * 0.15));
      const [from, to, local] = t < 0.5 ? [c0, c1, t / 0.5] : [c1, c2, (t - 0.5) / 0.5];
      const offset = (y * width + x) * 3;
      data[offset] = Math.round(from[0] + (to[0] - from[0]) * local);
      data[offset + 1] = Math.round(from[1] + (to[1] - from[1]) * local);
      data[offset + 2] = Math.round(from[2] + (to[2] - from[2]) * local);
    }
  }
  return data;
}

// ---------------------------------------------------------------------------
// Các hình khối SVG dùng chung
// ---------------------------------------------------------------------------

/** Dải đồi núi mềm mại chạy ngang ảnh, đáy khép ở mép dưới. */
function ridge(rng: Rng, baseY: number, amplitude: number, color: string, opacity = 1): string {
  const segments = 6 + Math.floor(rng() * 4);
  const step = WIDTH / segments;
  let d = `M0 ${HEIGHT} L0 ${round(baseY + between(rng, -amplitude, amplitude) * 0.4)}`;
  for (let i = 0; i < segments; i += 1) {
    const x1 = step * i + step / 2;
    const x2 = step * (i + 1);
    const peak = baseY - between(rng, 0.2, 1) * amplitude;
    const next = baseY + between(rng, -0.3, 0.3) * amplitude;
    d += ` Q${round(x1)} ${round(peak)} ${round(x2)} ${round(next)}`;
  }
  d += ` L${WIDTH} ${HEIGHT} Z`;
  return `<path d="${d}" fill="${color}" fill-opacity="${opacity}"/>`;
}

function sun(cx: number, cy: number, r: number, color: string): string {
  return [
    `<circle cx="${cx}" cy="${cy}" r="${round(r * 2.2)}" fill="${color}" fill-opacity="0.12"/>`,
    `<circle cx="${cx}" cy="${cy}" r="${round(r * 1.5)}" fill="${color}" fill-opacity="0.2"/>`,
    `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${color}" fill-opacity="0.9"/>`,
  ].join('');
}

/** Những đốm tròn mờ (hiệu ứng bokeh). */
function bokeh(rng: Rng, count: number, color: string, area: [number, number, number, number]): string {
  const [x0, y0, x1, y1] = area;
  let out = '';
  for (let i = 0; i < count; i += 1) {
    out += `<circle cx="${round(between(rng, x0, x1))}" cy="${round(between(rng, y0, y1))}" r="${round(
      between(rng, 18, 90),
    )}" fill="${color}" fill-opacity="${round(between(rng, 0.06, 0.22) * 100) / 100}"/>`;
  }
  return out;
}

function clouds(rng: Rng, count: number, color: string, maxY: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) {
    const cx = between(rng, 80, WIDTH - 80);
    const cy = between(rng, 60, maxY);
    const w = between(rng, 140, 300);
    out += `<g fill="${color}" fill-opacity="0.55">`;
    out += `<ellipse cx="${round(cx)}" cy="${round(cy)}" rx="${round(w / 2)}" ry="${round(w / 7)}"/>`;
    out += `<ellipse cx="${round(cx - w / 6)}" cy="${round(cy - w / 12)}" rx="${round(w / 5)}" ry="${round(w / 8)}"/>`;
    out += `<ellipse cx="${round(cx + w / 8)}" cy="${round(cy - w / 10)}" rx="${round(w / 4)}" ry="${round(w / 7)}"/>`;
    out += '</g>';
  }
  return out;
}

/** Mặt nước với các vệt sóng sáng. */
function water(rng: Rng, top: number, color: string, highlight: string): string {
  let out = `<rect x="0" y="${top}" width="${WIDTH}" height="${HEIGHT - top}" fill="${color}" fill-opacity="0.85"/>`;
  for (let i = 0; i < 26; i += 1) {
    const y = between(rng, top + 12, HEIGHT - 10);
    const x = between(rng, -100, WIDTH);
    const w = between(rng, 80, 360) * (0.5 + (y - top) / (HEIGHT - top));
    out += `<rect x="${round(x)}" y="${round(y)}" width="${round(w)}" height="${round(
      between(rng, 3, 7),
    )}" rx="3" fill="${highlight}" fill-opacity="${round(between(rng, 0.15, 0.4) * 100) / 100}"/>`;
  }
  return out;
}

/** Cây lá kim đơn giản (tam giác chồng) đặt theo đường chân đồi. */
function trees(rng: Rng, count: number, baseY: [number, number], colors: readonly string[]): string {
  const items: { x: number; y: number; h: number; color: string }[] = [];
  for (let i = 0; i < count; i += 1) {
    items.push({
      x: between(rng, -20, WIDTH + 20),
      y: between(rng, baseY[0], baseY[1]),
      h: between(rng, 70, 190),
      color: colors[Math.floor(rng() * colors.length)] ?? '#2f6b3a',
    });
  }
  items.sort((a, b) => a.y - b.y);
  let out = '';
  for (const { x, y, h, color } of items) {
    const scale = 0.6 + ((y - baseY[0]) / Math.max(1, baseY[1] - baseY[0])) * 0.6;
    const height = h * scale;
    const half = height * 0.32;
    out += `<rect x="${round(x - 4 * scale)}" y="${round(y - height * 0.15)}" width="${round(8 * scale)}" height="${round(
      height * 0.2,
    )}" fill="#4a3426" fill-opacity="0.8"/>`;
    out += `<polygon points="${round(x)},${round(y - height)} ${round(x - half)},${round(y - height * 0.1)} ${round(
      x + half,
    )},${round(y - height * 0.1)}" fill="${color}"/>`;
  }
  return out;
}

/** Nhà đơn giản: thân chữ nhật, mái tam giác, ô cửa. */
function house(x: number, y: number, w: number, h: number, wall: string, roof: string): string {
  const roofH = h * 0.55;
  return [
    `<rect x="${round(x)}" y="${round(y)}" width="${round(w)}" height="${round(h)}" fill="${wall}"/>`,
    `<polygon points="${round(x - w * 0.08)},${round(y)} ${round(x + w / 2)},${round(y - roofH)} ${round(
      x + w * 1.08,
    )},${round(y)}" fill="${roof}"/>`,
    `<rect x="${round(x + w * 0.15)}" y="${round(y + h * 0.3)}" width="${round(w * 0.2)}" height="${round(
      h * 0.3,
    )}" fill="#ffffff" fill-opacity="0.55"/>`,
    `<rect x="${round(x + w * 0.62)}" y="${round(y + h * 0.3)}" width="${round(w * 0.2)}" height="${round(
      h * 0.3,
    )}" fill="#ffffff" fill-opacity="0.55"/>`,
  ].join('');
}

/** Vùng tối dần ở các góc để ảnh có chiều sâu. */
function vignette(): string {
  return [
    `<defs><radialGradient id="vignette" cx="50%" cy="45%" r="75%">`,
    `<stop offset="60%" stop-color="#000000" stop-opacity="0"/>`,
    `<stop offset="100%" stop-color="#000000" stop-opacity="0.28"/>`,
    `</radialGradient></defs>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="url(#vignette)"/>`,
  ].join('');
}

// ---------------------------------------------------------------------------
// Chủ đề cho từng ảnh
// ---------------------------------------------------------------------------

interface Theme {
  /** Ba màu của nền chuyển màu (trên → dưới). */
  background: readonly [string, string, string];
  /** Trả về phần thân SVG (các hình khối) vẽ đè lên nền. */
  draw: (rng: Rng) => string;
}

const themes: Record<string, Theme> = {
  // Hội chợ: dãy gian hàng mái bạt nhiều màu, cờ dây, dòng người tham quan.
  'hoi-cho-nong-san': {
    background: ['#8cc8f0', '#dcefff', '#c9b28a'],
    draw: (rng) => {
      let out = sun(1380, 150, 70, '#fff6d0');
      out += clouds(rng, 4, '#ffffff', 240);
      out += ridge(rng, 420, 120, '#8fb58a', 0.8);
      const tents = ['#d7263d', '#1b998b', '#f46036', '#2e86ab', '#f9c80e'];
      for (let row = 0; row < 2; row += 1) {
        const y = 520 + row * 190;
        const w = 230 - row * 20;
        for (let x = 40 + row * 60; x < WIDTH - 100; x += w + 30) {
          const color = tents[Math.floor(rng() * tents.length)] ?? '#d7263d';
          out += `<rect x="${x}" y="${y}" width="${w}" height="130" fill="#f7f1e3"/>`;
          out += `<polygon points="${x - 12},${y} ${x + w / 2},${y - 70} ${x + w + 12},${y}" fill="${color}"/>`;
          out += `<rect x="${x + 14}" y="${y + 70}" width="${w - 28}" height="22" fill="#8a5a3b"/>`;
          for (let k = 0; k < 4; k += 1) {
            out += `<circle cx="${round(x + 30 + k * ((w - 60) / 3))}" cy="${y + 62}" r="12" fill="${tents[(k + row) % tents.length]}" fill-opacity="0.85"/>`;
          }
        }
      }
      for (let i = 0; i < 60; i += 1) {
        const x = between(rng, 0, WIDTH);
        const y = between(rng, 900, 1040);
        out += `<rect x="${round(x - 12)}" y="${round(y - 50)}" width="24" height="54" rx="10" fill="${hslToHex(between(rng, 0, 360), 0.45, 0.45)}"/>`;
        out += `<circle cx="${round(x)}" cy="${round(y - 62)}" r="12" fill="#e2b48a"/>`;
      }
      return out;
    },
  },
  // Sân khấu hát then: phông đỏ, nghệ nhân áo chàm ôm đàn tính, đèn sân khấu.
  'hat-then-dan-tinh': {
    background: ['#3a0d12', '#7a1622', '#c9803c'],
    draw: (rng) => {
      let out = bokeh(rng, 16, '#ffd98a', [0, 0, WIDTH, 360]);
      for (let i = 0; i < 5; i += 1) {
        out += `<polygon points="${200 + i * 300},0 ${120 + i * 300},900 ${330 + i * 300},900" fill="#fff3c4" fill-opacity="0.07"/>`;
      }
      out += `<rect x="0" y="820" width="${WIDTH}" height="${HEIGHT - 820}" fill="#4a2412"/>`;
      for (let i = 0; i < 5; i += 1) {
        const x = 300 + i * 250;
        out += `<path d="M${x - 70} 820 L${x - 50} 560 Q${x} 520 ${x + 50} 560 L${x + 70} 820 Z" fill="#1f2f5c"/>`;
        out += `<circle cx="${x}" cy="500" r="44" fill="#e0ad84"/>`;
        out += `<path d="M${x - 48} 486 Q${x} 420 ${x + 48} 486 Z" fill="#1a1a2e"/>`;
        out += `<circle cx="${x - 10}" cy="690" r="46" fill="#c98b3c"/>`;
        out += `<rect x="${x - 14}" y="470" width="10" height="230" fill="#6b3b1f" transform="rotate(-32 ${x - 10} 690)"/>`;
      }
      return out;
    },
  },
  // Hội trường hội nghị: phông sân khấu đỏ, dãy bàn ghế, ánh đèn.
  'quang-canh-hoi-nghi': {
    background: ['#7a1f1f', '#b5543a', '#e9c9a0'],
    draw: (rng) => {
      let out = bokeh(rng, 18, '#ffe7b0', [0, 0, WIDTH, 380]);
      out += `<rect x="300" y="120" width="1000" height="300" rx="12" fill="#a8201f" fill-opacity="0.85"/>`;
      out += `<rect x="300" y="120" width="1000" height="28" fill="#f4c542" fill-opacity="0.85"/>`;
      out += `<rect x="660" y="330" width="280" height="150" rx="10" fill="#6b3b1f"/>`;
      out += `<rect x="0" y="520" width="${WIDTH}" height="${HEIGHT - 520}" fill="#5b2f22" fill-opacity="0.35"/>`;
      for (let row = 0; row < 5; row += 1) {
        const y = 560 + row * 98;
        const inset = 260 - row * 60;
        out += `<rect x="${inset}" y="${y}" width="${WIDTH - inset * 2}" height="34" rx="14" fill="#f3ead8" fill-opacity="0.9"/>`;
        const seats = 10 + row * 2;
        for (let s = 0; s < seats; s += 1) {
          const cx = inset + ((WIDTH - inset * 2) / seats) * (s + 0.5);
          out += `<circle cx="${round(cx)}" cy="${y + 62}" r="${20 + row * 2}" fill="#3b2a26" fill-opacity="0.75"/>`;
        }
      }
      return out;
    },
  },
  // Vườn cam, quýt trên đồi.
  'vuon-cam-quyt': {
    background: ['#9fd3f2', '#d8efc9', '#6fa64b'],
    draw: (rng) => {
      let out = sun(1300, 190, 80, '#fff4c2');
      out += clouds(rng, 4, '#ffffff', 260);
      out += ridge(rng, 520, 120, '#7fb069', 0.9);
      out += ridge(rng, 680, 90, '#4f8a3c');
      for (let i = 0; i < 14; i += 1) {
        const cx = between(rng, 40, WIDTH - 40);
        const cy = between(rng, 760, 1000);
        const r = between(rng, 60, 110);
        out += `<circle cx="${round(cx)}" cy="${round(cy)}" r="${round(r)}" fill="#2f6b2a"/>`;
        for (let f = 0; f < 7; f += 1) {
          out += `<circle cx="${round(cx + between(rng, -r * 0.7, r * 0.7))}" cy="${round(
            cy + between(rng, -r * 0.7, r * 0.6),
          )}" r="${round(between(rng, 9, 15))}" fill="${rng() > 0.5 ? '#f39c1e' : '#f6b53d'}"/>`;
        }
      }
      return out;
    },
  },
  // Lễ hội xuống đồng: quả còn bay, dải cờ màu, núi đá.
  'le-hoi-long-tong': {
    background: ['#ffb35c', '#ffd98a', '#8fbf6a'],
    draw: (rng) => {
      let out = sun(380, 230, 95, '#fff1c9');
      out += ridge(rng, 560, 200, '#6b8f5a', 0.85);
      out += ridge(rng, 740, 90, '#48713d');
      const flagColors = ['#d7263d', '#f46036', '#2e86ab', '#f9c80e', '#1b998b'];
      for (let line = 0; line < 2; line += 1) {
        const y0 = 110 + line * 110;
        out += `<path d="M0 ${y0} Q${WIDTH / 2} ${y0 + 120} ${WIDTH} ${y0}" stroke="#5a3e2b" stroke-width="3" fill="none"/>`;
        for (let i = 1; i < 24; i += 1) {
          const t = i / 24;
          const x = WIDTH * t;
          const y = (1 - t) * (1 - t) * y0 + 2 * (1 - t) * t * (y0 + 120) + t * t * y0;
          out += `<polygon points="${round(x - 18)},${round(y)} ${round(x + 18)},${round(y)} ${round(x)},${round(
            y + 44,
          )}" fill="${flagColors[(i + line) % flagColors.length]}"/>`;
        }
      }
      for (let i = 0; i < 9; i += 1) {
        const cx = between(rng, 200, WIDTH - 200);
        const cy = between(rng, 360, 640);
        out += `<path d="M${round(cx)} ${round(cy)} q${round(between(rng, -40, 40))} 60 ${round(
          between(rng, -30, 30),
        )} 120" stroke="${flagColors[i % flagColors.length]}" stroke-width="6" fill="none" stroke-linecap="round"/>`;
        out += `<circle cx="${round(cx)}" cy="${round(cy)}" r="22" fill="${flagColors[(i + 2) % flagColors.length]}"/>`;
      }
      return out;
    },
  },
  // Điểm trường vùng cao: nhà lớp học giữa đồi xanh.
  'truong-hoc-vung-cao': {
    background: ['#8ec5ff', '#d9ecff', '#9acb7a'],
    draw: (rng) => {
      let out = clouds(rng, 5, '#ffffff', 280);
      out += ridge(rng, 480, 160, '#88a9c3', 0.7);
      out += ridge(rng, 640, 110, '#6aa84f');
      out += house(520, 650, 560, 190, '#f2e3c6', '#c0392b');
      out += `<rect x="760" y="730" width="80" height="110" fill="#7b4a2a"/>`;
      out += `<rect x="470" y="840" width="660" height="26" fill="#d9c7a3"/>`;
      out += `<rect x="1220" y="560" width="8" height="280" fill="#6b6b6b"/>`;
      out += `<rect x="1228" y="565" width="120" height="76" fill="#d7263d"/>`;
      out += trees(rng, 16, [900, 1065], ['#2f7d32', '#3c8d40', '#246b2a']);
      return out;
    },
  },
  // Làng miến: những giàn phơi trắng trên sườn đồi nắng hanh.
  'mien-dong-na-ri': {
    background: ['#cfe6f5', '#f4ead2', '#c9b98d'],
    draw: (rng) => {
      let out = sun(1350, 170, 70, '#fff6d8');
      out += ridge(rng, 430, 150, '#9db4a0', 0.8);
      out += ridge(rng, 580, 90, '#7f9c6b');
      for (let rack = 0; rack < 4; rack += 1) {
        const y = 640 + rack * 100;
        const x0 = 80 + rack * 30;
        const x1 = WIDTH - 80 - rack * 30;
        out += `<rect x="${x0}" y="${y}" width="${x1 - x0}" height="8" fill="#6d4c2f"/>`;
        for (let x = x0 + 10; x < x1 - 10; x += 22) {
          const len = between(rng, 48, 70);
          out += `<rect x="${round(x)}" y="${y + 8}" width="14" height="${round(len)}" rx="4" fill="#fbfaf3" fill-opacity="0.92"/>`;
        }
        out += `<rect x="${x0}" y="${y}" width="8" height="90" fill="#6d4c2f"/>`;
        out += `<rect x="${x1 - 8}" y="${y}" width="8" height="90" fill="#6d4c2f"/>`;
      }
      return out;
    },
  },
  // Thành phố biển: đường chân trời nhà cao tầng, cầu vòm, mặt biển.
  'doan-cong-tac-da-nang': {
    background: ['#2b5f9e', '#7fb3e0', '#f2c48d'],
    draw: (rng) => {
      let out = sun(1180, 330, 90, '#ffe2a8');
      let x = 20;
      while (x < WIDTH - 20) {
        const w = between(rng, 50, 120);
        const h = between(rng, 140, 420);
        const shade = Math.floor(between(rng, 40, 70));
        out += `<rect x="${round(x)}" y="${round(640 - h)}" width="${round(w)}" height="${round(h)}" fill="${hslToHex(
          215,
          0.3,
          shade / 100,
        )}" fill-opacity="0.85"/>`;
        for (let wy = 640 - h + 20; wy < 620; wy += 34) {
          out += `<rect x="${round(x + 10)}" y="${round(wy)}" width="${round(w - 20)}" height="8" fill="#fff3c4" fill-opacity="0.35"/>`;
        }
        x += w + between(rng, 6, 24);
      }
      out += water(rng, 640, '#1f4e79', '#cfe8ff');
      out += `<path d="M120 760 Q800 520 1480 760" stroke="#f4f4f4" stroke-width="10" fill="none"/>`;
      out += `<rect x="120" y="756" width="1360" height="14" fill="#e7e7e7"/>`;
      for (let i = 1; i < 16; i += 1) {
        const t = i / 16;
        const bx = 120 + 1360 * t;
        const by = (1 - t) * (1 - t) * 760 + 2 * (1 - t) * t * 520 + t * t * 760;
        out += `<line x1="${round(bx)}" y1="${round(by)}" x2="${round(bx)}" y2="758" stroke="#f4f4f4" stroke-width="3"/>`;
      }
      return out;
    },
  },
  // Hồ trên núi: dãy núi đá vôi, mặt hồ xanh ngọc, nhà sàn ven hồ.
  'ho-ba-be': {
    background: ['#b9dcf0', '#e8f3ec', '#3f8f8a'],
    draw: (rng) => {
      let out = clouds(rng, 3, '#ffffff', 220);
      out += ridge(rng, 430, 230, '#5d8a78', 0.75);
      out += ridge(rng, 560, 170, '#3f6e55');
      out += water(rng, 640, '#2a8a8a', '#e6fbff');
      out += `<path d="M0 640 Q400 610 800 640 T1600 640 L1600 700 L0 700 Z" fill="#3f6e55" fill-opacity="0.35"/>`;
      for (let i = 0; i < 4; i += 1) {
        const hx = 180 + i * 130;
        out += house(hx, 575, 100, 50, '#8a5a3b', '#5b3a29');
        out += `<rect x="${hx + 10}" y="625" width="6" height="22" fill="#5b3a29"/>`;
        out += `<rect x="${hx + 84}" y="625" width="6" height="22" fill="#5b3a29"/>`;
      }
      out += `<path d="M980 860 q90 26 180 0 l-20 18 q-70 16 -140 0 Z" fill="#4a3426"/>`;
      return out;
    },
  },
  // Hội trường đại hội: nền đỏ, các vòng cung vàng tỏa sáng.
  'dai-hoi-dang-bo': {
    background: ['#8e1212', '#c4291c', '#f2b544'],
    draw: (rng) => {
      let out = '';
      for (let i = 0; i < 14; i += 1) {
        const angle = (Math.PI * (i + 0.5)) / 14;
        const x2 = 800 - Math.cos(angle) * 1400;
        const y2 = 820 - Math.sin(angle) * 1400;
        out += `<polygon points="800,820 ${round(x2 - 60)},${round(y2)} ${round(x2 + 60)},${round(y2)}" fill="#ffd36b" fill-opacity="0.12"/>`;
      }
      for (let r = 520; r >= 200; r -= 80) {
        out += `<circle cx="800" cy="820" r="${r}" fill="none" stroke="#ffd36b" stroke-opacity="0.35" stroke-width="6"/>`;
      }
      out += bokeh(rng, 20, '#ffe9b0', [0, 0, WIDTH, 500]);
      out += `<rect x="0" y="860" width="${WIDTH}" height="${HEIGHT - 860}" fill="#5a0f0f" fill-opacity="0.55"/>`;
      for (let i = 0; i < 22; i += 1) {
        out += `<rect x="${40 + i * 70}" y="${round(between(rng, 800, 860))}" width="14" height="${round(
          between(rng, 120, 200),
        )}" rx="7" fill="#fbe3a1" fill-opacity="0.8"/>`;
      }
      return out;
    },
  },
  // Gian hàng nông sản: lọ, gói, rổ tròn trên kệ gỗ.
  'san-pham-ocop': {
    background: ['#f6e7cf', '#ecd2a6', '#b8864f'],
    draw: (rng) => {
      let out = bokeh(rng, 14, '#ffffff', [0, 0, WIDTH, 420]);
      const palette = ['#c0392b', '#e67e22', '#27ae60', '#8e44ad', '#d4ac0d', '#2e86c1'];
      for (let shelf = 0; shelf < 2; shelf += 1) {
        const y = 520 + shelf * 300;
        out += `<rect x="80" y="${y}" width="${WIDTH - 160}" height="26" fill="#7a4e2c"/>`;
        let x = 120;
        while (x < WIDTH - 220) {
          const w = between(rng, 90, 170);
          const h = between(rng, 120, 220);
          const color = palette[Math.floor(rng() * palette.length)] ?? '#c0392b';
          if (rng() > 0.5) {
            out += `<rect x="${round(x)}" y="${round(y - h)}" width="${round(w)}" height="${round(h)}" rx="16" fill="${color}" fill-opacity="0.9"/>`;
            out += `<rect x="${round(x + w * 0.15)}" y="${round(y - h * 0.65)}" width="${round(w * 0.7)}" height="${round(
              h * 0.3,
            )}" rx="8" fill="#fffaf0"/>`;
          } else {
            out += `<ellipse cx="${round(x + w / 2)}" cy="${round(y - h * 0.45)}" rx="${round(w / 2)}" ry="${round(
              h * 0.45,
            )}" fill="${color}" fill-opacity="0.9"/>`;
            out += `<rect x="${round(x + w * 0.3)}" y="${round(y - h - 10)}" width="${round(w * 0.4)}" height="${round(
              h * 0.2,
            )}" rx="6" fill="#6b4a2b"/>`;
          }
          x += w + between(rng, 30, 60);
        }
      }
      return out;
    },
  },
  // Rừng trồng gỗ lớn: nhiều lớp cây lá kim trên triền đồi.
  'rung-trong': {
    background: ['#d5ecf7', '#b9dcb1', '#3f7a3a'],
    draw: (rng) => {
      let out = sun(260, 170, 70, '#fffbe0');
      out += ridge(rng, 420, 150, '#8fb996', 0.8);
      out += trees(rng, 40, [470, 620], ['#5e9c5a', '#6aa866']);
      out += ridge(rng, 620, 110, '#4c8a45');
      out += trees(rng, 55, [680, 1080], ['#1f5e2b', '#2c7038', '#23632f', '#347a3c']);
      return out;
    },
  },
  // Sau bão: bầu trời xám, nước lũ, đồi sạt, lực lượng cứu hộ (áo xanh).
  'khac-phuc-hau-qua-bao': {
    background: ['#5d6d7e', '#aab7b8', '#8d7b68'],
    draw: (rng) => {
      let out = clouds(rng, 7, '#e5e8e8', 300);
      out += ridge(rng, 470, 170, '#6c7a5f', 0.85);
      out += `<path d="M980 480 L1180 470 L1260 760 L900 760 Z" fill="#a0785a" fill-opacity="0.8"/>`;
      out += water(rng, 700, '#8a6f55', '#d9cbb8');
      out += house(200, 600, 260, 140, '#d8d2c4', '#7f8c8d');
      out += house(560, 620, 200, 110, '#cfc6b4', '#95a5a6');
      for (let i = 0; i < 9; i += 1) {
        const x = 300 + i * 120 + between(rng, -20, 20);
        const y = 830 + between(rng, -30, 40);
        out += `<rect x="${round(x - 16)}" y="${round(y - 70)}" width="32" height="70" rx="10" fill="#2e7d32"/>`;
        out += `<circle cx="${round(x)}" cy="${round(y - 88)}" r="16" fill="#e0b084"/>`;
        out += `<ellipse cx="${round(x)}" cy="${round(y - 100)}" rx="22" ry="9" fill="#1b5e20"/>`;
      }
      return out;
    },
  },
};

/** Chủ đề dự phòng cho ảnh chưa có chủ đề riêng: phong cảnh với bảng màu theo tên. */
function fallbackTheme(name: string): Theme {
  const hue = hashString(name) % 360;
  return {
    background: [hslToHex(hue, 0.55, 0.78), hslToHex(hue + 30, 0.45, 0.88), hslToHex(hue + 90, 0.35, 0.45)],
    draw: (rng) =>
      sun(between(rng, 200, 1400), between(rng, 140, 260), 70, '#fff7da') +
      clouds(rng, 4, '#ffffff', 260) +
      ridge(rng, 500, 170, hslToHex(hue + 120, 0.25, 0.55), 0.8) +
      ridge(rng, 680, 110, hslToHex(hue + 120, 0.3, 0.38)) +
      bokeh(rng, 12, '#ffffff', [0, 0, WIDTH, HEIGHT]),
  };
}

async function listMarkdown(dir: string): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listMarkdown(full)));
    else if (entry.isFile() && entry.name.endsWith('.md')) files.push(full);
  }
  return files.sort();
}

/** Tên ảnh (không đuôi) được tham chiếu trong front matter các bài viết. */
async function referencedImages(): Promise<string[]> {
  const names = new Set<string>();
  for (const file of await listMarkdown(ARTICLES_DIR)) {
    const text = await readFile(file, 'utf8');
    const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
    for (const match of frontMatter.matchAll(/^\s+src:\s*["']?\/images\/([a-z0-9-]+)\.jpg["']?\s*$/gm)) {
      if (match[1]) names.add(match[1]);
    }
  }
  return [...names].sort();
}

/** A sample that looks like a straight-from-the-camera original rather than a web-ready picture. */
interface CameraPhoto {
  /** Folder under content/ where the article expects it. */
  dir: string;
  /** Size multiplier: 3 gives 4800×3201, like a 15-megapixel camera. */
  scale: number;
  /** EXIF Orientation 6: stored lying on its side, as phones do; viewers turn it 90° clockwise. */
  sideways: boolean;
  maxBytes: number;
}

/** Camera-like samples; every other image is a plain 1600×1067 JPEG in content/images/. */
const cameraPhotos: Record<string, CameraPhoto> = {
  // The home page's lead photo: a large original the pipeline must shrink.
  'hoi-cho-nong-san': { dir: 'images', scale: 3, sideways: false, maxBytes: 1536 * 1024 },
  // A phone photo next to its article, used in the article's body.
  'hat-then-dan-tinh': { dir: 'articles/2024', scale: 1, sideways: true, maxBytes: MAX_BYTES },
};

/** Make, model and the GPS position of Bắc Kạn town: what a phone writes into every photo. */
const CAMERA_EXIF = {
  IFD0: { Make: 'Samsung', Model: 'Galaxy A54', Software: 'A546EXXU5CXC1' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 8/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '105/1 50/1 2400/100' },
};

async function render(name: string, theme: Theme): Promise<{ file: string; size: number }> {
  const camera = cameraPhotos[name];
  const scale = camera?.scale ?? 1;
  const [width, height] = [Math.round(WIDTH * scale), Math.round(HEIGHT * scale)];
  const rng = seededRandom(hashString(name));
  const overlay = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${theme.draw(
    rng,
  )}${vignette()}</svg>`;
  const output = path.join(camera ? path.join(CONTENT_DIR, camera.dir) : IMAGES_DIR, `${name}.jpg`);
  await mkdir(path.dirname(output), { recursive: true });
  const upright = sharp(gradientBackground(theme.background, width, height), { raw: { width, height, channels: 3 } }).composite([
    { input: Buffer.from(overlay), top: 0, left: 0 },
  ]);
  if (!camera) await upright.jpeg({ quality: QUALITY }).toFile(output);
  else {
    const pixels = await upright.png({ compressionLevel: 1 }).toBuffer();
    // Rotated 270° clockwise on disk; Orientation 6 tells viewers to turn it back.
    const stored = camera.sideways ? sharp(pixels).rotate(270).withMetadata({ orientation: 6 }) : sharp(pixels).withMetadata();
    await stored.withExif(CAMERA_EXIF).jpeg({ quality: QUALITY, mozjpeg: true }).toFile(output);
  }
  const { size } = await stat(output);
  const limit = camera?.maxBytes ?? MAX_BYTES;
  if (size > limit) {
    throw new Error(`${name}.jpg nặng ${size} byte, vượt giới hạn ${limit} byte`);
  }
  return { file: path.relative(ROOT, output), size };
}

async function main(): Promise<void> {
  await mkdir(IMAGES_DIR, { recursive: true });
  const names = new Set<string>([...Object.keys(themes), ...(await referencedImages())]);
  for (const name of [...names].sort()) {
    const theme = themes[name] ?? fallbackTheme(name);
    const { file, size } = await render(name, theme);
    const label = themes[name] ? '' : ' (chủ đề dự phòng)';
    console.log(`✓ ${file}  ${(size / 1024).toFixed(1)} KB${label}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
