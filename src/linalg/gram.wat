;; The 3 x 3-tiled cross-products of src/linalg/cross-product.ts, two rows at a time with f64x2.
;; gram(z, out, q, padded, length, stride): z holds q columns of `stride` doubles each (column j
;; at byte z + 8 j stride); for every tile (a, b), a and b multiples of 3 with b >= a, writes the
;; nine sums over the first `length` rows (length even; rows past it are not read) to out, a
;; row-major padded x padded matrix of doubles. The padding columns q..padded-1 of z must be zero.
(module
  (memory (export "memory") 1)
  (func $gram (export "gram") (param $z i32) (param $out i32) (param $q i32) (param $padded i32) (param $length i32) (param $stride i32)
    (local $a i32) (local $b i32) (local $i i32) (local $bytes i32) (local $col i32)
    (local $pa0 i32) (local $pa1 i32) (local $pa2 i32) (local $pb0 i32) (local $pb1 i32) (local $pb2 i32) (local $o i32)
    (local $u0 v128) (local $u1 v128) (local $u2 v128) (local $v0 v128) (local $v1 v128) (local $v2 v128)
    (local $s00 v128) (local $s01 v128) (local $s02 v128)
    (local $s10 v128) (local $s11 v128) (local $s12 v128)
    (local $s20 v128) (local $s21 v128) (local $s22 v128)
    (local.set $col (i32.shl (local.get $stride) (i32.const 3)))
    (local.set $bytes (i32.shl (local.get $length) (i32.const 3)))
    (local.set $a (i32.const 0))
    (block $doneA
      (loop $loopA
        (br_if $doneA (i32.ge_s (local.get $a) (local.get $q)))
        (local.set $pa0 (i32.add (local.get $z) (i32.mul (local.get $a) (local.get $col))))
        (local.set $pa1 (i32.add (local.get $pa0) (local.get $col)))
        (local.set $pa2 (i32.add (local.get $pa1) (local.get $col)))
        (local.set $b (local.get $a))
        (block $doneB
          (loop $loopB
            (br_if $doneB (i32.ge_s (local.get $b) (local.get $q)))
            (local.set $pb0 (i32.add (local.get $z) (i32.mul (local.get $b) (local.get $col))))
            (local.set $pb1 (i32.add (local.get $pb0) (local.get $col)))
            (local.set $pb2 (i32.add (local.get $pb1) (local.get $col)))
            (local.set $s00 (v128.const f64x2 0 0)) (local.set $s01 (v128.const f64x2 0 0)) (local.set $s02 (v128.const f64x2 0 0))
            (local.set $s10 (v128.const f64x2 0 0)) (local.set $s11 (v128.const f64x2 0 0)) (local.set $s12 (v128.const f64x2 0 0))
            (local.set $s20 (v128.const f64x2 0 0)) (local.set $s21 (v128.const f64x2 0 0)) (local.set $s22 (v128.const f64x2 0 0))
            (local.set $i (i32.const 0))
            (block $doneI
              (loop $loopI
                (br_if $doneI (i32.ge_s (local.get $i) (local.get $bytes)))
                (local.set $u0 (v128.load (i32.add (local.get $pa0) (local.get $i))))
                (local.set $u1 (v128.load (i32.add (local.get $pa1) (local.get $i))))
                (local.set $u2 (v128.load (i32.add (local.get $pa2) (local.get $i))))
                (local.set $v0 (v128.load (i32.add (local.get $pb0) (local.get $i))))
                (local.set $v1 (v128.load (i32.add (local.get $pb1) (local.get $i))))
                (local.set $v2 (v128.load (i32.add (local.get $pb2) (local.get $i))))
                (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $u0) (local.get $v0))))
                (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $u0) (local.get $v1))))
                (local.set $s02 (f64x2.add (local.get $s02) (f64x2.mul (local.get $u0) (local.get $v2))))
                (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $u1) (local.get $v0))))
                (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $u1) (local.get $v1))))
                (local.set $s12 (f64x2.add (local.get $s12) (f64x2.mul (local.get $u1) (local.get $v2))))
                (local.set $s20 (f64x2.add (local.get $s20) (f64x2.mul (local.get $u2) (local.get $v0))))
                (local.set $s21 (f64x2.add (local.get $s21) (f64x2.mul (local.get $u2) (local.get $v1))))
                (local.set $s22 (f64x2.add (local.get $s22) (f64x2.mul (local.get $u2) (local.get $v2))))
                (local.set $i (i32.add (local.get $i) (i32.const 16)))
                (br $loopI)))
            ;; out[(a + r) * padded + b + c] = lane 0 + lane 1
            (local.set $o (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $a) (local.get $padded)) (local.get $b)) (i32.const 3))))
            (f64.store offset=0 (local.get $o) (f64.add (f64x2.extract_lane 0 (local.get $s00)) (f64x2.extract_lane 1 (local.get $s00))))
            (f64.store offset=8 (local.get $o) (f64.add (f64x2.extract_lane 0 (local.get $s01)) (f64x2.extract_lane 1 (local.get $s01))))
            (f64.store offset=16 (local.get $o) (f64.add (f64x2.extract_lane 0 (local.get $s02)) (f64x2.extract_lane 1 (local.get $s02))))
            (local.set $o (i32.add (local.get $o) (i32.shl (local.get $padded) (i32.const 3))))
            (f64.store offset=0 (local.get $o) (f64.add (f64x2.extract_lane 0 (local.get $s10)) (f64x2.extract_lane 1 (local.get $s10))))
            (f64.store offset=8 (local.get $o) (f64.add (f64x2.extract_lane 0 (local.get $s11)) (f64x2.extract_lane 1 (local.get $s11))))
            (f64.store offset=16 (local.get $o) (f64.add (f64x2.extract_lane 0 (local.get $s12)) (f64x2.extract_lane 1 (local.get $s12))))
            (local.set $o (i32.add (local.get $o) (i32.shl (local.get $padded) (i32.const 3))))
            (f64.store offset=0 (local.get $o) (f64.add (f64x2.extract_lane 0 (local.get $s20)) (f64x2.extract_lane 1 (local.get $s20))))
            (f64.store offset=8 (local.get $o) (f64.add (f64x2.extract_lane 0 (local.get $s21)) (f64x2.extract_lane 1 (local.get $s21))))
            (f64.store offset=16 (local.get $o) (f64.add (f64x2.extract_lane 0 (local.get $s22)) (f64x2.extract_lane 1 (local.get $s22))))
            (local.set $b (i32.add (local.get $b) (i32.const 3)))
            (br $loopB)))
        (local.set $a (i32.add (local.get $a) (i32.const 3)))
        (br $loopA))))
  ;; correlation(data, n, k, z, tiles, padded, maxima, cross): the unweighted pass of
  ;; src/linalg/correlation.ts over k columns of n doubles (column a at byte data + 8 a n), with the
  ;; same operations in the same order. Per column, its largest |value| (to maxima[a]) and its sum,
  ;; mean = sum / n; then by blocks of 256 rows, z[a][i] = (x - mean) * (1 / max) (0 for a zero
  ;; column), the block's Gram by $gram (an odd last row paired with a zero one), and
  ;; cross[a k + b] += tiles[a padded + b] for b >= a (cross: k k zeros, then room for the k
  ;; means). z must hold padded columns of 256 doubles with the padding columns zero. Returns 1
  ;; when a column's sum overflows (the caller then takes its own route), else 0.
  (func (export "correlation") (param $data i32) (param $n i32) (param $k i32) (param $z i32) (param $tiles i32) (param $padded i32) (param $maxima i32) (param $cross i32) (result i32)
    (local $a i32) (local $b i32) (local $i i32) (local $start i32) (local $length i32) (local $src i32) (local $dst i32)
    (local $v f64) (local $sum f64) (local $max f64) (local $mean f64) (local $f f64)
    ;; Pass 1: each column's largest |value| (to maxima) and its mean (to cross + 8 (k k + a), past
    ;; the k x k sums: the caller gives cross room for k k + k doubles, the first k k of them zero).
    (local.set $a (i32.const 0))
    (block $done1
      (loop $columns1
        (br_if $done1 (i32.ge_s (local.get $a) (local.get $k)))
        (local.set $src (i32.add (local.get $data) (i32.shl (i32.mul (local.get $a) (local.get $n)) (i32.const 3))))
        (local.set $sum (f64.const 0))
        (local.set $max (f64.const 0))
        (local.set $i (i32.const 0))
        (block $doneRows
          (loop $rows
            (br_if $doneRows (i32.ge_s (local.get $i) (local.get $n)))
            (local.set $v (f64.load (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 3)))))
            (if (f64.gt (f64.abs (local.get $v)) (local.get $max)) (then (local.set $max (f64.abs (local.get $v)))))
            (local.set $sum (f64.add (local.get $sum) (local.get $v)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $rows)))
        (f64.store (i32.add (local.get $maxima) (i32.shl (local.get $a) (i32.const 3))) (local.get $max))
        ;; A non-finite sum of a column that is not all zeros: the caller's route.
        (if (i32.and (f64.ne (f64.sub (local.get $sum) (local.get $sum)) (f64.const 0)) (f64.gt (local.get $max) (f64.const 0)))
          (then (return (i32.const 1))))
        (f64.store (i32.add (local.get $cross) (i32.shl (i32.add (i32.mul (local.get $k) (local.get $k)) (local.get $a)) (i32.const 3)))
          (f64.div (local.get $sum) (f64.convert_i32_s (local.get $n))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $columns1)))
    ;; Pass 2: blocks of 256 rows.
    (local.set $start (i32.const 0))
    (block $doneBlocks
      (loop $blocks
        (br_if $doneBlocks (i32.ge_s (local.get $start) (local.get $n)))
        (local.set $length (i32.sub (local.get $n) (local.get $start)))
        (if (i32.gt_s (local.get $length) (i32.const 256)) (then (local.set $length (i32.const 256))))
        (local.set $a (i32.const 0))
        (block $doneFill
          (loop $fill
            (br_if $doneFill (i32.ge_s (local.get $a) (local.get $k)))
            (local.set $mean (f64.load (i32.add (local.get $cross) (i32.shl (i32.add (i32.mul (local.get $k) (local.get $k)) (local.get $a)) (i32.const 3)))))
            (local.set $max (f64.load (i32.add (local.get $maxima) (i32.shl (local.get $a) (i32.const 3)))))
            (local.set $f (f64.const 0))
            (if (f64.gt (local.get $max) (f64.const 0)) (then (local.set $f (f64.div (f64.const 1) (local.get $max)))))
            (local.set $src (i32.add (local.get $data) (i32.shl (i32.add (i32.mul (local.get $a) (local.get $n)) (local.get $start)) (i32.const 3))))
            (local.set $dst (i32.add (local.get $z) (i32.shl (i32.mul (local.get $a) (i32.const 256)) (i32.const 3))))
            (local.set $i (i32.const 0))
            (block $doneCells
              (loop $cells
                (br_if $doneCells (i32.ge_s (local.get $i) (local.get $length)))
                (f64.store (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 3)))
                  (f64.mul (f64.sub (f64.load (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 3)))) (local.get $mean)) (local.get $f)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $cells)))
            ;; An odd last row is paired with a zero one.
            (if (i32.and (local.get $length) (i32.const 1))
              (then (f64.store (i32.add (local.get $dst) (i32.shl (local.get $length) (i32.const 3))) (f64.const 0))))
            (local.set $a (i32.add (local.get $a) (i32.const 1)))
            (br $fill)))
        (call $gram (local.get $z) (local.get $tiles) (local.get $k) (local.get $padded)
          (i32.add (local.get $length) (i32.and (local.get $length) (i32.const 1))) (i32.const 256))
        (local.set $a (i32.const 0))
        (block $doneA
          (loop $sumA
            (br_if $doneA (i32.ge_s (local.get $a) (local.get $k)))
            (local.set $b (local.get $a))
            (block $doneB
              (loop $sumB
                (br_if $doneB (i32.ge_s (local.get $b) (local.get $k)))
                (local.set $dst (i32.add (local.get $cross) (i32.shl (i32.add (i32.mul (local.get $a) (local.get $k)) (local.get $b)) (i32.const 3))))
                (f64.store (local.get $dst) (f64.add (f64.load (local.get $dst))
                  (f64.load (i32.add (local.get $tiles) (i32.shl (i32.add (i32.mul (local.get $a) (local.get $padded)) (local.get $b)) (i32.const 3))))))
                (local.set $b (i32.add (local.get $b) (i32.const 1)))
                (br $sumB)))
            (local.set $a (i32.add (local.get $a) (i32.const 1)))
            (br $sumA)))
        (local.set $start (i32.add (local.get $start) (i32.const 256)))
        (br $blocks)))
    (i32.const 0)))
