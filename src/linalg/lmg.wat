;; The exact LMG enumeration of src/importance/lmg.ts (exactShapleyBlocks) for players of one
;; variable each, in WebAssembly so that it runs compiled from the first call (no interpreter
;; warm-up). Same algorithm, same operations in the same order, hence the same bits as the
;; JavaScript version.
;;
;; blocks(m0, bufs, dim, p, depth, from, to, out, sub):
;;   m0    dim x dim row-major matrix (lower triangle used): the correlations, variables in player
;;         order, outcome last (dim = p + 1)
;;   bufs  p + 1 scratch matrices of dim x dim doubles (level l at bufs + 8 l dim^2)
;;   out   (to - from) blocks of (p + 1)^2 doubles, zeroed by the caller: per block, R^2 summed by
;;         subset size (0..p), then for each player j >= depth those sums over the subsets with j
;;   sub   p x (p + 1) doubles of scratch
;; Block `mask` fixes which of the first `depth` players are in (bit t = player t). Needs p >= 3
;; and depth <= p - 3: the last three players are always summed in closed form.
(module
  (memory (export "memory") 1)
  (global $dim (mut i32) (i32.const 0))
  (global $p (mut i32) (i32.const 0))
  (global $bufs (mut i32) (i32.const 0))
  (global $sub (mut i32) (i32.const 0))
  (global $cbase (mut i32) (i32.const 0))
  (global $matBytes (mut i32) (i32.const 0))
  (global $rowBytes (mut i32) (i32.const 0))
  (global $sizeBytes (mut i32) (i32.const 0))

  ;; Player t's variable conditioned into child (lower triangle, both indices > t), or child = m
  ;; when its pivot is below 1e-12 (a variable explained by those already in).
  (func $include (param $t i32) (param $m i32) (param $child i32)
    (local $d f64) (local $f f64) (local $rowBytes i32) (local $tBytes i32) (local $i i32)
    (local $mi i32) (local $ci i32) (local $pm i32) (local $pc i32) (local $pjt i32) (local $end i32) (local $k i32)
    (local.set $rowBytes (global.get $rowBytes))
    (local.set $tBytes (i32.shl (local.get $t) (i32.const 3)))
    (local.set $d (f64.load (i32.add (i32.add (local.get $m) (i32.mul (local.get $t) (local.get $rowBytes))) (local.get $tBytes))))
    (if (f64.gt (local.get $d) (f64.const 1e-12))
      (then
        (local.set $i (i32.add (local.get $t) (i32.const 1)))
        (local.set $mi (i32.add (local.get $m) (i32.mul (local.get $i) (local.get $rowBytes))))
        (local.set $ci (i32.add (local.get $child) (i32.mul (local.get $i) (local.get $rowBytes))))
        (block $doneI
          (loop $loopI
            (br_if $doneI (i32.ge_s (local.get $i) (global.get $dim)))
            (local.set $f (f64.div (f64.load (i32.add (local.get $mi) (local.get $tBytes))) (local.get $d)))
            ;; j from t + 1 to i: m[i][j] and child[i][j] along the row, m[j][t] down the column.
            (local.set $pm (i32.add (i32.add (local.get $mi) (local.get $tBytes)) (i32.const 8)))
            (local.set $pc (i32.add (i32.add (local.get $ci) (local.get $tBytes)) (i32.const 8)))
            (local.set $pjt (i32.add (i32.add (local.get $m) (i32.mul (i32.add (local.get $t) (i32.const 1)) (local.get $rowBytes))) (local.get $tBytes)))
            (local.set $end (i32.add (local.get $mi) (i32.shl (local.get $i) (i32.const 3))))
            (block $doneJ
              (loop $loopJ
                (br_if $doneJ (i32.gt_u (local.get $pm) (local.get $end)))
                (f64.store (local.get $pc) (f64.sub (f64.load (local.get $pm)) (f64.mul (local.get $f) (f64.load (local.get $pjt)))))
                (local.set $pm (i32.add (local.get $pm) (i32.const 8)))
                (local.set $pc (i32.add (local.get $pc) (i32.const 8)))
                (local.set $pjt (i32.add (local.get $pjt) (local.get $rowBytes)))
                (br $loopJ)))
            (local.set $mi (i32.add (local.get $mi) (local.get $rowBytes)))
            (local.set $ci (i32.add (local.get $ci) (local.get $rowBytes)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $loopI))))
      (else
        (local.set $k (i32.const 0))
        (block $doneK
          (loop $loopK
            (br_if $doneK (i32.ge_s (local.get $k) (global.get $matBytes)))
            (f64.store (i32.add (local.get $child) (local.get $k)) (f64.load (i32.add (local.get $m) (local.get $k))))
            (local.set $k (i32.add (local.get $k) (i32.const 8)))
            (br $loopK))))))

  ;; Adds to out[s] the R^2 of every subset decided so far (players < t, `size` of them in,
  ;; conditioned into m) completed in every way by players t..p-1; adds the sums of the subsets
  ;; containing player j >= t to its row of the block's `containing` sums.
  (func $visit (param $t i32) (param $m i32) (param $size i32) (param $out i32)
    (local $child i32) (local $sums i32) (local $ct i32) (local $po i32) (local $ps i32) (local $pe i32)
    (local $base i32) (local $ry i32) (local $o i32)
    (local $aa f64) (local $ba f64) (local $bb f64) (local $ca f64) (local $cb f64) (local $cc f64)
    (local $ya f64) (local $yb f64) (local $yc f64) (local $r0 f64) (local $v f64)
    (local $okA i32) (local $fb f64) (local $fc f64) (local $fy f64)
    (local $bbA f64) (local $cbA f64) (local $ccA f64) (local $ybA f64) (local $ycA f64) (local $rA f64)
    (local $rB f64) (local $ccB f64) (local $ycB f64) (local $okB i32) (local $okAB i32)
    (local $rAB f64) (local $ccAB f64) (local $ycAB f64)
    (local $rC f64) (local $rAC f64) (local $rBC f64) (local $rABC f64)
    (local $sA f64) (local $sB f64) (local $sC f64) (local $sAB f64) (local $sAC f64) (local $sBC f64) (local $sABC f64)
    (if (i32.eq (local.get $t) (i32.sub (global.get $p) (i32.const 3)))
      (then
        ;; Last three players a, b, c (variables t, t+1, t+2): all eight leaves in closed form.
        (local.set $base (i32.add (local.get $m) (i32.mul (local.get $t) (i32.add (global.get $rowBytes) (i32.const 8)))))
        (local.set $ry (i32.add (i32.add (local.get $m) (i32.mul (i32.sub (global.get $dim) (i32.const 1)) (global.get $rowBytes))) (i32.shl (local.get $t) (i32.const 3))))
        (local.set $aa (f64.load (local.get $base)))
        (local.set $base (i32.add (local.get $base) (global.get $rowBytes)))
        (local.set $ba (f64.load (local.get $base)))
        (local.set $bb (f64.load offset=8 (local.get $base)))
        (local.set $base (i32.add (local.get $base) (global.get $rowBytes)))
        (local.set $ca (f64.load (local.get $base)))
        (local.set $cb (f64.load offset=8 (local.get $base)))
        (local.set $cc (f64.load offset=16 (local.get $base)))
        (local.set $ya (f64.load (local.get $ry)))
        (local.set $yb (f64.load offset=8 (local.get $ry)))
        (local.set $yc (f64.load offset=16 (local.get $ry)))
        (local.set $r0 (f64.load offset=24 (local.get $ry)))
        ;; Conditioned on a.
        (local.set $okA (f64.gt (local.get $aa) (f64.const 1e-12)))
        (local.set $fb (select (f64.div (local.get $ba) (local.get $aa)) (f64.const 0) (local.get $okA)))
        (local.set $fc (select (f64.div (local.get $ca) (local.get $aa)) (f64.const 0) (local.get $okA)))
        (local.set $fy (select (f64.div (local.get $ya) (local.get $aa)) (f64.const 0) (local.get $okA)))
        (local.set $bbA (f64.sub (local.get $bb) (f64.mul (local.get $fb) (local.get $ba))))
        (local.set $cbA (f64.sub (local.get $cb) (f64.mul (local.get $fc) (local.get $ba))))
        (local.set $ccA (f64.sub (local.get $cc) (f64.mul (local.get $fc) (local.get $ca))))
        (local.set $ybA (f64.sub (local.get $yb) (f64.mul (local.get $fy) (local.get $ba))))
        (local.set $ycA (f64.sub (local.get $yc) (f64.mul (local.get $fy) (local.get $ca))))
        (local.set $rA (f64.sub (local.get $r0) (f64.mul (local.get $fy) (local.get $ya))))
        ;; Conditioned on b (alone, and after a).
        (local.set $okB (f64.gt (local.get $bb) (f64.const 1e-12)))
        (local.set $rB (select (f64.sub (local.get $r0) (f64.mul (f64.div (local.get $yb) (local.get $bb)) (local.get $yb))) (local.get $r0) (local.get $okB)))
        (local.set $ccB (select (f64.sub (local.get $cc) (f64.mul (f64.div (local.get $cb) (local.get $bb)) (local.get $cb))) (local.get $cc) (local.get $okB)))
        (local.set $ycB (select (f64.sub (local.get $yc) (f64.mul (f64.div (local.get $yb) (local.get $bb)) (local.get $cb))) (local.get $yc) (local.get $okB)))
        (local.set $okAB (f64.gt (local.get $bbA) (f64.const 1e-12)))
        (local.set $rAB (select (f64.sub (local.get $rA) (f64.mul (f64.div (local.get $ybA) (local.get $bbA)) (local.get $ybA))) (local.get $rA) (local.get $okAB)))
        (local.set $ccAB (select (f64.sub (local.get $ccA) (f64.mul (f64.div (local.get $cbA) (local.get $bbA)) (local.get $cbA))) (local.get $ccA) (local.get $okAB)))
        (local.set $ycAB (select (f64.sub (local.get $ycA) (f64.mul (f64.div (local.get $ybA) (local.get $bbA)) (local.get $cbA))) (local.get $ycA) (local.get $okAB)))
        ;; Then c.
        (local.set $rC (select (f64.sub (local.get $r0) (f64.mul (f64.div (local.get $yc) (local.get $cc)) (local.get $yc))) (local.get $r0) (f64.gt (local.get $cc) (f64.const 1e-12))))
        (local.set $rAC (select (f64.sub (local.get $rA) (f64.mul (f64.div (local.get $ycA) (local.get $ccA)) (local.get $ycA))) (local.get $rA) (f64.gt (local.get $ccA) (f64.const 1e-12))))
        (local.set $rBC (select (f64.sub (local.get $rB) (f64.mul (f64.div (local.get $ycB) (local.get $ccB)) (local.get $ycB))) (local.get $rB) (f64.gt (local.get $ccB) (f64.const 1e-12))))
        (local.set $rABC (select (f64.sub (local.get $rAB) (f64.mul (f64.div (local.get $ycAB) (local.get $ccAB)) (local.get $ycAB))) (local.get $rAB) (f64.gt (local.get $ccAB) (f64.const 1e-12))))
        (local.set $sA (f64.sub (f64.const 1) (local.get $rA)))
        (local.set $sB (f64.sub (f64.const 1) (local.get $rB)))
        (local.set $sC (f64.sub (f64.const 1) (local.get $rC)))
        (local.set $sAB (f64.sub (f64.const 1) (local.get $rAB)))
        (local.set $sAC (f64.sub (f64.const 1) (local.get $rAC)))
        (local.set $sBC (f64.sub (f64.const 1) (local.get $rBC)))
        (local.set $sABC (f64.sub (f64.const 1) (local.get $rABC)))
        ;; out[size .. size + 3], then each player's containing sums at size + 1 .. size + 3.
        (local.set $o (i32.add (local.get $out) (i32.shl (local.get $size) (i32.const 3))))
        (f64.store (local.get $o) (f64.add (f64.load (local.get $o)) (f64.sub (f64.const 1) (local.get $r0))))
        (f64.store offset=8 (local.get $o) (f64.add (f64.load offset=8 (local.get $o)) (f64.add (f64.add (local.get $sA) (local.get $sB)) (local.get $sC))))
        (f64.store offset=16 (local.get $o) (f64.add (f64.load offset=16 (local.get $o)) (f64.add (f64.add (local.get $sAB) (local.get $sAC)) (local.get $sBC))))
        (f64.store offset=24 (local.get $o) (f64.add (f64.load offset=24 (local.get $o)) (local.get $sABC)))
        (local.set $o (i32.add (i32.add (global.get $cbase) (i32.mul (local.get $t) (global.get $sizeBytes))) (i32.shl (local.get $size) (i32.const 3))))
        (f64.store offset=8 (local.get $o) (f64.add (f64.load offset=8 (local.get $o)) (local.get $sA)))
        (f64.store offset=16 (local.get $o) (f64.add (f64.load offset=16 (local.get $o)) (f64.add (local.get $sAB) (local.get $sAC))))
        (f64.store offset=24 (local.get $o) (f64.add (f64.load offset=24 (local.get $o)) (local.get $sABC)))
        (local.set $o (i32.add (local.get $o) (global.get $sizeBytes)))
        (f64.store offset=8 (local.get $o) (f64.add (f64.load offset=8 (local.get $o)) (local.get $sB)))
        (f64.store offset=16 (local.get $o) (f64.add (f64.load offset=16 (local.get $o)) (f64.add (local.get $sAB) (local.get $sBC))))
        (f64.store offset=24 (local.get $o) (f64.add (f64.load offset=24 (local.get $o)) (local.get $sABC)))
        (local.set $o (i32.add (local.get $o) (global.get $sizeBytes)))
        (f64.store offset=8 (local.get $o) (f64.add (f64.load offset=8 (local.get $o)) (local.get $sC)))
        (f64.store offset=16 (local.get $o) (f64.add (f64.load offset=16 (local.get $o)) (f64.add (local.get $sAC) (local.get $sBC))))
        (f64.store offset=24 (local.get $o) (f64.add (f64.load offset=24 (local.get $o)) (local.get $sABC)))
        (return)))
    ;; Player t out, then in.
    (call $visit (i32.add (local.get $t) (i32.const 1)) (local.get $m) (local.get $size) (local.get $out))
    (local.set $child (i32.add (global.get $bufs) (i32.mul (i32.add (local.get $t) (i32.const 1)) (global.get $matBytes))))
    (call $include (local.get $t) (local.get $m) (local.get $child))
    (local.set $sums (i32.add (global.get $sub) (i32.mul (local.get $t) (global.get $sizeBytes))))
    ;; Sizes size + 1 .. size + p - t, as byte offsets.
    (local.set $ps (i32.shl (i32.add (local.get $size) (i32.const 1)) (i32.const 3)))
    (local.set $pe (i32.shl (i32.sub (i32.add (local.get $size) (global.get $p)) (local.get $t)) (i32.const 3)))
    (local.set $po (local.get $ps))
    (block $doneZ
      (loop $loopZ
        (br_if $doneZ (i32.gt_s (local.get $po) (local.get $pe)))
        (f64.store (i32.add (local.get $sums) (local.get $po)) (f64.const 0))
        (local.set $po (i32.add (local.get $po) (i32.const 8)))
        (br $loopZ)))
    (call $visit (i32.add (local.get $t) (i32.const 1)) (local.get $child) (i32.add (local.get $size) (i32.const 1)) (local.get $sums))
    (local.set $ct (i32.add (global.get $cbase) (i32.mul (local.get $t) (global.get $sizeBytes))))
    (local.set $po (local.get $ps))
    (block $doneS
      (loop $loopS
        (br_if $doneS (i32.gt_s (local.get $po) (local.get $pe)))
        (local.set $v (f64.load (i32.add (local.get $sums) (local.get $po))))
        (local.set $o (i32.add (local.get $ct) (local.get $po)))
        (f64.store (local.get $o) (f64.add (f64.load (local.get $o)) (local.get $v)))
        (local.set $o (i32.add (local.get $out) (local.get $po)))
        (f64.store (local.get $o) (f64.add (f64.load (local.get $o)) (local.get $v)))
        (local.set $po (i32.add (local.get $po) (i32.const 8)))
        (br $loopS))))

  (func (export "blocks") (param $m0 i32) (param $bufs i32) (param $dim i32) (param $p i32) (param $depth i32)
    (param $from i32) (param $to i32) (param $out i32) (param $sub i32)
    (local $mask i32) (local $m i32) (local $size i32) (local $t i32) (local $child i32) (local $total i32)
    (global.set $dim (local.get $dim))
    (global.set $p (local.get $p))
    (global.set $bufs (local.get $bufs))
    (global.set $sub (local.get $sub))
    (global.set $rowBytes (i32.shl (local.get $dim) (i32.const 3)))
    (global.set $matBytes (i32.shl (i32.mul (local.get $dim) (local.get $dim)) (i32.const 3)))
    (global.set $sizeBytes (i32.shl (i32.add (local.get $p) (i32.const 1)) (i32.const 3)))
    (local.set $mask (local.get $from))
    (block $doneMask
      (loop $loopMask
        (br_if $doneMask (i32.ge_s (local.get $mask) (local.get $to)))
        ;; Condition on the block's leading players, as the enumeration would on its way down.
        (local.set $m (local.get $m0))
        (local.set $size (i32.const 0))
        (local.set $t (i32.const 0))
        (block $doneT
          (loop $loopT
            (br_if $doneT (i32.ge_s (local.get $t) (local.get $depth)))
            (if (i32.and (local.get $mask) (i32.shl (i32.const 1) (local.get $t)))
              (then
                (local.set $child (i32.add (local.get $bufs) (i32.mul (i32.add (local.get $t) (i32.const 1)) (global.get $matBytes))))
                (call $include (local.get $t) (local.get $m) (local.get $child))
                (local.set $m (local.get $child))
                (local.set $size (i32.add (local.get $size) (i32.const 1)))))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $loopT)))
        (local.set $total (i32.add (local.get $out)
          (i32.mul (i32.sub (local.get $mask) (local.get $from)) (i32.mul (global.get $sizeBytes) (i32.add (local.get $p) (i32.const 1))))))
        (global.set $cbase (i32.add (local.get $total) (global.get $sizeBytes)))
        (call $visit (local.get $depth) (local.get $m) (local.get $size) (local.get $total))
        (local.set $mask (i32.add (local.get $mask) (i32.const 1)))
        (br $loopMask))))
)
