import type { MarkShape } from '../mark-styles';

type MarkGlyphProps = { shape: MarkShape; color: string; x: number; y: number; size?: number };

/** One mark's shape centred on (x, y). */
export function MarkGlyph({ shape, color, x, y, size = 12 }: MarkGlyphProps) {
  const r = size / 2;
  const outline = { fill: '#ffffff', stroke: color, strokeWidth: 2 };
  const solid = { fill: color, stroke: color, strokeWidth: 1 };
  switch (shape) {
    case 'bar':
      return <rect x={x - 1.5} y={y - r - 2} width={3} height={size + 4} {...solid} />;
    case 'square':
      return <rect x={x - r} y={y - r} width={size} height={size} {...solid} />;
    case 'square-outline':
      return <rect x={x - r + 1} y={y - r + 1} width={size - 2} height={size - 2} {...outline} />;
    case 'circle':
      return <circle cx={x} cy={y} r={r} {...solid} />;
    case 'ring':
      return <circle cx={x} cy={y} r={r - 1} {...outline} />;
    case 'triangle-up':
      return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`} {...solid} />;
    case 'triangle-down':
      return <polygon points={`${x - r - 1},${y - r} ${x + r + 1},${y - r} ${x},${y + r + 1}`} {...solid} />;
    case 'diamond':
      return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`} {...solid} />;
    case 'diamond-outline':
      return <polygon points={`${x},${y - r} ${x + r},${y} ${x},${y + r} ${x - r},${y}`} {...outline} />;
    case 'cross':
      return (
        <path
          d={`M${x - r} ${y - r} L${x + r} ${y + r} M${x + r} ${y - r} L${x - r} ${y + r}`}
          stroke={color}
          strokeWidth={3}
          strokeLinecap="round"
          fill="none"
        />
      );
    case 'star': {
      const points: string[] = [];
      for (let i = 0; i < 10; i++) {
        const radius = i % 2 === 0 ? r + 1.5 : r / 2;
        const angle = (Math.PI / 5) * i - Math.PI / 2;
        points.push(`${(x + radius * Math.cos(angle)).toFixed(1)},${(y + radius * Math.sin(angle)).toFixed(1)}`);
      }
      return <polygon points={points.join(' ')} {...solid} />;
    }
  }
}
