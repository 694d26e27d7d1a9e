public import SynthKitCore

/// Cache-blocked, packed single-precision GEMM (Goto and van de Geijn 2008, the BLIS loop order):
/// `C[M x N] (+)= A[M x K] * B[K x N]` with A and B as strided views.
///
/// Blocking: the K dimension is cut into `GemmBlocking.depthBlock` slices and N into `GemmBlocking.columnBlock` slices;
/// for each (K, N) block, B is packed once into `Kernel.columns`-wide panels (kept in
/// L2), then rows of A are packed `rowBlock` at a time into `Kernel.rows`-tall panels
/// (kept in L2/L1) and the micro-kernel walks the panel pairs. Threads split the rows of C in
/// micro-kernel-aligned ranges, sharing the packed B; every element of C is accumulated in the
/// same order whatever the thread count, so results are bit-identical across thread counts.
///
/// Skinny shapes (fewer than 8 columns or depth, or fewer than 4 rows) skip packing and use a
/// vectorised row-update loop, which is faster there and also thread-count independent.
public enum GemmDriver<Kernel: GemmMicroKernel> {
    /// Rows of A packed per block (MC).
    @inlinable
    public static var rowBlock: Int { GemmBlocking.rowPanelsPerBlock * Kernel.rows }

    /// Computes `C = A * B` (or `C += A * B` when `accumulate`) into `c` with row stride `ldc`.
    @inlinable
    public static func multiply(
        rowCount: Int, columnCount: Int, depth: Int, a: MatrixView, b: MatrixView,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool, threads: Int,
        prepackedB: PrepackedPanels? = nil
    ) {
        if rowCount == 0 || columnCount == 0 { return }
        if depth == 0 {
            if !accumulate { for row in 0..<rowCount { (c + row &* ldc).update(repeating: 0, count: columnCount) } }
            return
        }
        if columnCount < 8 || depth < 8 || rowCount < 4 {
            multiplySkinny(
                rowCount: rowCount, columnCount: columnCount, depth: depth, a: a, b: b, c: c, ldc: ldc,
                accumulate: accumulate)
            return
        }
        let panelRows = Kernel.rows
        let panelColumns = Kernel.columns
        let workers = max(1, min(threads, (rowCount + panelRows - 1) / panelRows))
        let prepacked = prepackedB.flatMap { $0.depth == depth && $0.columns == columnCount ? $0 : nil }
        let packedB = PackingBuffer(
            count: prepacked == nil
                ? GemmBlocking.depthBlock * ((min(GemmBlocking.columnBlock, columnCount) + panelColumns - 1) / panelColumns) * panelColumns : 0)
        let packedA = (0..<workers).map { _ in PackingBuffer(count: GemmBlocking.depthBlock * rowBlock) }
        let tiles = (0..<workers).map { _ in PackingBuffer(count: panelRows * panelColumns) }
        let panelsTotal = (rowCount + panelRows - 1) / panelRows
        let rowBounds = (0...workers).map { min(rowCount, panelsTotal * $0 / workers * panelRows) }
        let output = SharedOutput(base: c)
        var columnStart = 0
        while columnStart < columnCount {
            let columns = min(GemmBlocking.columnBlock, columnCount - columnStart)
            var depthStart = 0
            while depthStart < depth {
                let steps = min(GemmBlocking.depthBlock, depth - depthStart)
                let accumulateBlock = accumulate || depthStart > 0
                var panelsB = packedB.base
                if let prepacked {
                    panelsB = prepacked.panels(depthStart: depthStart)
                } else {
                    packB(b, depthStart: depthStart, depth: steps, columnStart: columnStart, columns: columns, into: panelsB)
                }
                let block = (depthStart, steps, columnStart, columns)
                let sharedB = SharedOutput(base: panelsB)
                if workers == 1 {
                    multiplyRows(
                        a: a, c: output, ldc: ldc, rows: 0..<rowCount, block: block, packedB: panelsB,
                        packedA: packedA[0].base, tile: tiles[0].base, accumulate: accumulateBlock)
                } else {
                    parallelFor(chunkCount: workers, threads: workers) { worker in
                        multiplyRows(
                            a: a, c: output, ldc: ldc, rows: rowBounds[worker]..<rowBounds[worker + 1],
                            block: block, packedB: sharedB.base, packedA: packedA[worker].base,
                            tile: tiles[worker].base, accumulate: accumulateBlock)
                    }
                }
                depthStart += steps
            }
            columnStart += columns
        }
        withExtendedLifetime((packedB, packedA, tiles)) {}
    }

    /// Packs `B[depthStart..., columnStart...]` into zero-padded panels: panel q, step k, lane j
    /// at `destination[q * depth * NR + k * NR + j]`.
    @inlinable @inline(__always)
    public static func packB(
        _ b: MatrixView, depthStart: Int, depth: Int, columnStart: Int, columns: Int,
        into destination: UnsafeMutablePointer<Float>
    ) {
        let width = Kernel.columns
        let panels = (columns + width - 1) / width
        for panel in 0..<panels {
            let panelBase = destination + panel &* width &* depth
            let firstColumn = columnStart &+ panel &* width
            let live = min(width, columns &- panel &* width)
            if b.columnStride == 1 && live == width {
                // Whole panels: SIMD copies (a `memmove` call per 16 floats cost more than the copy).
                for step in 0..<depth {
                    let source = UnsafeRawPointer(b.base + ((depthStart &+ step) &* b.rowStride &+ firstColumn))
                    let target = UnsafeMutableRawPointer(panelBase + step &* width)
                    var offset = 0
                    while offset < width &* 4 {
                        target.storeBytes(
                            of: source.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self), toByteOffset: offset,
                            as: SIMD8<Float>.self)
                        offset &+= 8 &* 4
                    }
                }
            } else if b.columnStride == 1 {
                for step in 0..<depth {
                    let source = b.base + ((depthStart &+ step) &* b.rowStride &+ firstColumn)
                    let target = panelBase + step &* width
                    for lane in 0..<live { target[lane] = source[lane] }
                    for lane in live..<width { target[lane] = 0 }
                }
            } else {
                // Blocked transpose: 16 steps at a time, so the 16 destination rows stay in L1
                // while every source column (a row of the stored matrix) streams one cache line.
                var blockStart = 0
                if b.rowStride == 1 {
                    // A transposed row-major matrix (a weight Wᵀ): 8 x 8 tiles moved through
                    // registers, 8 source rows read as vectors and written back as 8 steps.
                    let wholeLanes = live - live % 8
                    while blockStart &+ 8 <= depth {
                        var lane = 0
                        while lane < wholeLanes {
                            MatrixTranspose.tile(
                                from: b.base + ((depthStart &+ blockStart) &+ (firstColumn &+ lane) &* b.columnStride),
                                sourceStride: b.columnStride, to: panelBase + (blockStart &* width &+ lane), targetStride: width)
                            lane &+= 8
                        }
                        for lane in wholeLanes..<live {
                            let source = b.base + ((depthStart &+ blockStart) &+ (firstColumn &+ lane) &* b.columnStride)
                            for step in 0..<8 { panelBase[(blockStart &+ step) &* width &+ lane] = source[step] }
                        }
                        blockStart &+= 8
                    }
                }
                while blockStart < depth {
                    let blockSteps = min(16, depth &- blockStart)
                    for lane in 0..<live {
                        var source = b.base + ((depthStart &+ blockStart) &* b.rowStride &+ (firstColumn &+ lane) &* b.columnStride)
                        var target = panelBase + (blockStart &* width &+ lane)
                        for _ in 0..<blockSteps {
                            target.pointee = source.pointee
                            source += b.rowStride
                            target += width
                        }
                    }
                    blockStart &+= 16
                }
                if live < width {
                    for step in 0..<depth { (panelBase + (step &* width &+ live)).update(repeating: 0, count: width &- live) }
                }
            }
        }
    }

    /// Packs `A[rowStart..<rowStart+rows, depthStart...]` into zero-padded panels: panel p, step
    /// k, lane r at `destination[p * depth * MR + k * MR + r]`.
    @inlinable @inline(__always)
    public static func packA(
        _ a: MatrixView, rowStart: Int, rows: Int, depthStart: Int, depth: Int,
        into destination: UnsafeMutablePointer<Float>
    ) {
        let height = Kernel.rows
        let panels = (rows + height - 1) / height
        for panel in 0..<panels {
            let panelBase = destination + panel &* height &* depth
            let firstRow = rowStart &+ panel &* height
            let live = min(height, rows &- panel &* height)
            if a.columnStride == 1 {
                // Blocked transpose, as in packB.
                var blockStart = 0
                while blockStart < depth {
                    let blockSteps = min(16, depth &- blockStart)
                    for lane in 0..<live {
                        var source = a.base + ((firstRow &+ lane) &* a.rowStride &+ depthStart &+ blockStart)
                        var target = panelBase + (blockStart &* height &+ lane)
                        for _ in 0..<blockSteps {
                            target.pointee = source.pointee
                            source += 1
                            target += height
                        }
                    }
                    blockStart &+= 16
                }
            } else {
                for step in 0..<depth {
                    let source = a.base + ((depthStart &+ step) &* a.columnStride &+ firstRow &* a.rowStride)
                    let target = panelBase + step &* height
                    for lane in 0..<live { target[lane] = source[lane &* a.rowStride] }
                }
            }
            if live < height {
                for step in 0..<depth { (panelBase + (step &* height &+ live)).update(repeating: 0, count: height &- live) }
            }
        }
    }

    /// Runs the micro-kernel over the rows `rows` of C for one packed (K, N) block.
    @inlinable @inline(__always)
    public static func multiplyRows(
        a: MatrixView, c output: SharedOutput, ldc: Int, rows: Range<Int>,
        block: (depthStart: Int, depth: Int, columnStart: Int, columns: Int),
        packedB: UnsafeMutablePointer<Float>, packedA: UnsafeMutablePointer<Float>,
        tile: UnsafeMutablePointer<Float>, accumulate: Bool
    ) {
        let height = Kernel.rows
        let width = Kernel.columns
        let c = output.base
        // Row-major A is read in place by the kernel (no packing) except in a last, partial
        // row panel, which is packed with zero padding so the kernel never reads past A. Rows
        // 4 KB apart (a multiple of 1,024 floats) would share L1 sets and are packed instead.
        let rowMajor = a.columnStride == 1 && a.rowStride % 1024 != 0
        var rowStart = rows.lowerBound
        while rowStart < rows.upperBound {
            let blockRows = min(rowBlock, rows.upperBound - rowStart)
            let fullPanels = blockRows / height
            if !rowMajor {
                packA(a, rowStart: rowStart, rows: blockRows, depthStart: block.depthStart, depth: block.depth, into: packedA)
            } else if fullPanels * height < blockRows {
                packA(
                    a, rowStart: rowStart &+ fullPanels &* height, rows: blockRows &- fullPanels &* height,
                    depthStart: block.depthStart, depth: block.depth, into: packedA + fullPanels &* height &* block.depth)
            }
            let rowPanels = (blockRows + height - 1) / height
            let columnPanels = (block.columns + width - 1) / width
            for columnPanel in 0..<columnPanels {
                let liveColumns = min(width, block.columns &- columnPanel &* width)
                let panelB = packedB + columnPanel &* width &* block.depth
                for rowPanel in 0..<rowPanels {
                    let liveRows = min(height, blockRows &- rowPanel &* height)
                    let firstRow = rowStart &+ rowPanel &* height
                    let target = c + (firstRow &* ldc &+ block.columnStart &+ columnPanel &* width)
                    let inPlace = rowMajor && liveRows == height
                    let rowsA = a.base + (firstRow &* a.rowStride &+ block.depthStart)
                    let panelA = packedA + rowPanel &* height &* block.depth
                    let whole = liveRows == height && liveColumns == width
                    let destination = whole ? target : tile
                    let destinationStride = whole ? ldc : width
                    let accumulateHere = whole && accumulate
                    if inPlace {
                        Kernel.runRowMajor(
                            depth: block.depth, a: rowsA, rowStride: a.rowStride, packedB: panelB, c: destination,
                            leadingDimension: destinationStride, accumulate: accumulateHere)
                    } else {
                        Kernel.run(
                            depth: block.depth, packedA: panelA, packedB: panelB, c: destination,
                            leadingDimension: destinationStride, accumulate: accumulateHere)
                    }
                    if !whole {
                        for row in 0..<liveRows {
                            let targetRow = target + row &* ldc
                            let tileRow = tile + row &* width
                            if accumulate {
                                for column in 0..<liveColumns { targetRow[column] += tileRow[column] }
                            } else {
                                targetRow.update(from: tileRow, count: liveColumns)
                            }
                        }
                    }
                }
            }
            rowStart += blockRows
        }
    }

    /// Unpacked path for skinny shapes: row updates `C[i, :] += A[i, k] * B[k, :]` when B's rows
    /// are contiguous (vectorised by LLVM), otherwise dot products.
    @inlinable
    public static func multiplySkinny(
        rowCount: Int, columnCount: Int, depth: Int, a: MatrixView, b: MatrixView,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
    ) {
        for row in 0..<rowCount {
            let target = c + row &* ldc
            if !accumulate { target.update(repeating: 0, count: columnCount) }
            if b.columnStride == 1 {
                for step in 0..<depth {
                    let factor = a.base[row &* a.rowStride &+ step &* a.columnStride]
                    let source = b.base + step &* b.rowStride
                    for column in 0..<columnCount { target[column] += factor * source[column] }
                }
            } else {
                for column in 0..<columnCount {
                    var sum: Float = 0
                    var left = a.base + row &* a.rowStride
                    var right = b.base + column &* b.columnStride
                    for _ in 0..<depth {
                        sum += left.pointee * right.pointee
                        left += a.columnStride
                        right += b.rowStride
                    }
                    target[column] += sum
                }
            }
        }
    }
}
