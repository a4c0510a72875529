namespace Tutor.Generator.Model
{
    // The IR. A method body is lowered into a tree of blocks: each block is a straight list of single-assignment
    // steps (Let) ending in either a Return or an If whose two branches are blocks again. Code after an if is copied
    // into both branches (tail duplication), so every path through the tree is straight-line code in which every
    // name is assigned exactly once. Reverse mode then needs no tape: each path's backward sweep is the path's
    // steps in reverse order.

    /// <summary>An operand: a name of the IR (parameter, local version, temporary) or a literal.</summary>
    /// <param name="Code">The C# text: a name, or a literal such as <c>3</c> or <c>0.5f</c>.</param>
    /// <param name="Active">Whether it depends on a differentiable input (then it has an adjoint and a tangent).</param>
    /// <param name="Number">The literal's value, when it is a numeric literal.</param>
    internal sealed record Atom(string Code, bool Active, double? Number)
    {
        public bool IsLiteral => Number.HasValue;
    }

    internal enum StepKind
    {
        /// <summary>An op of the rule table applied to atoms (<see cref="Let.Op"/> names the rule).</summary>
        Rule,
        /// <summary>A call to another [Differentiable] method.</summary>
        Call,
        /// <summary>
        /// An expression that does not depend on a differentiable input, kept as C# text. Op "Expr" marks a pure one
        /// (arithmetic on variables, lengths, elements of arrays never written), whose Args list the IR names it reads:
        /// the backward sweep of a loop recomputes it instead of keeping it on the tape. Op "Const" is anything else.
        /// </summary>
        Constant,
        /// <summary>An element read <c>a[i]</c>: Args are the array and the index. The value is copied into the step,
        /// so a later overwrite of the element never needs undoing — only its adjoint is reset. Op "LoadImmutable"
        /// marks a read from an array the method never writes, which the backward sweep can simply read again.</summary>
        Load,
        /// <summary>A new array <c>new double[n]</c>: Args is the length.</summary>
        NewArray,
        /// <summary>
        /// An op of the tensor rule table (Rules/TensorRules.cs; <see cref="Let.Op"/> names it): Args are the op's
        /// operands, then its constant parameters (a scalar factor, int[] labels, row indices). The value is a tensor.
        /// </summary>
        TensorOp,
        /// <summary><c>t.ToScalar()</c>: the one element of a tensor (a loss, a full sum) as a double or float.</summary>
        ToScalar,
    }

    internal abstract record Stmt;

    /// <summary>
    /// <c>Type Name = Op(Args)</c>. <paramref name="Display"/> is the step in the notation of the lesson (<c>exp(y)</c>),
    /// <paramref name="Source"/> the student's C# it came from (for comments), <paramref name="Line"/> its 1-based line.
    /// </summary>
    internal sealed record Let(
        string Name,
        string Type,
        StepKind Kind,
        string Op,
        EquatableArray<Atom> Args,
        bool Active,
        string Code,
        CallInfo? Call,
        double? ConstantValue,
        string Display,
        int Line) : Stmt;

    /// <summary>A call target: the generated members live on <paramref name="TypeName"/>; one flag per parameter.</summary>
    internal sealed record CallInfo(string TypeName, string Method, EquatableArray<bool> DifferentiableParameters, EquatableArray<string> ParameterTypes);

    /// <summary>
    /// An element write <c>a[i] = v</c>. Backward: v̄ += ā[i], then ā[i] = 0 (the old value is dead).
    /// <paramref name="Accumulates"/>: the write of <c>a[i] += v</c> or <c>a[i] -= v</c>, whose old value was read by a Load
    /// with Op "LoadAccumulated" and enters the new one with derivative 1; the gradient then leaves ā[i] as it is
    /// (v̄ ±= ā[i] only) and that Load adds nothing — the same numbers without zeroing and re-adding the element.
    /// </summary>
    internal sealed record Store(Atom Array, Atom Index, Atom Value, int Line, bool Accumulates = false) : Stmt;

    /// <summary>
    /// A loop. <paramref name="Header"/> is its C# header (<c>for (int i = 0; i &lt; n; i++)</c>); the body is a block in
    /// tail form whose paths end in <see cref="LoopEnd"/>. Variables the body reassigns live in mutable locals declared
    /// before the loop (a Copy step); each iteration starts by copying them into single-assignment entry values.
    /// Reverse mode: each iteration pushes onto <paramref name="Tape"/> the body values its backward sweep needs and
    /// the number of the path it took; the backward sweep pops them, last iteration first.
    /// <paramref name="Inductions"/> are carried integers the backward sweep rebuilds from the iteration number;
    /// <paramref name="Snapshots"/> are local arrays copied onto the tape whole at the end of every iteration and
    /// copied back at the start of its backward sweep, so that the iteration's element reads (Op "LoadSnapshot") are
    /// read again instead of kept one by one.
    /// </summary>
    internal sealed record Loop(
        string Header,
        Counter? Counter,
        EquatableArray<Induction> Inductions,
        EquatableArray<Snapshot> Snapshots,
        EquatableArray<HeaderVariable> HeaderVariables,
        Block Body,
        string Tape,
        string Count,
        string Index,
        string Path,
        int Line) : Stmt;

    /// <summary>
    /// A counted loop <c>for (int i = Init; …; i += Step)</c> whose body never assigns i: in iteration k, i = Init + k·Step,
    /// so the backward sweep rebuilds i instead of keeping it on the tape. <paramref name="Trips"/>, when not null, is C# for
    /// the number of iterations computed from the header alone (<c>i &lt; n</c> with n unchanged by the loop), reading the
    /// names <paramref name="TripReads"/>: a loop that never breaks then keeps no iteration count on its tape.
    /// </summary>
    internal sealed record Counter(string Variable, Atom Init, int Step, string? Trips, EquatableArray<Atom> TripReads);

    /// <summary>
    /// A carried integer that every iteration changes exactly once by the constant <paramref name="Step"/> (<c>li++</c> as a
    /// top-level statement of the body, no <c>continue</c>): its entry value <paramref name="Entry"/> in iteration k is
    /// Init + k·Step, so the backward sweep rebuilds it instead of keeping it on the tape.
    /// </summary>
    internal sealed record Induction(string Entry, string Type, Atom Init, int Step);

    /// <summary>A local array that a loop snapshots at the end of each iteration (see <see cref="Loop"/>).</summary>
    internal sealed record Snapshot(string Array, string Type);

    /// <summary>A variable declared by the loop header (<c>int i</c>); the backward sweep restores it from the tape.</summary>
    internal sealed record HeaderVariable(string Name, string Type);

    /// <summary>
    /// The end of one path through a loop body: write the carried variables back (<c>s = s_4</c>), then go on with the
    /// next iteration, or leave the loop when <paramref name="Break"/>.
    /// </summary>
    internal sealed record LoopEnd(EquatableArray<CarriedWrite> Writes, bool Break) : Stmt;

    /// <summary><c>Mutable = Value</c> at the end of an iteration.</summary>
    internal sealed record CarriedWrite(string Mutable, Atom Value);

    /// <summary>A statement kept for its effect only (e.g. Console.WriteLine), emitted in the forward sweep.</summary>
    internal sealed record Effect(string Code) : Stmt;

    internal sealed record Return(Atom Value) : Stmt;

    internal sealed record If(Condition Condition, Block Then, Block Else) : Stmt;

    /// <summary>A straight list of steps ending in a Return or an If.</summary>
    internal sealed record Block(EquatableArray<Stmt> Statements);

    /// <summary>A branch condition: comparisons of atoms, combined with &amp;&amp;, || and !, or opaque C# text.</summary>
    internal abstract record Condition;
    internal sealed record Compare(string Op, Atom Left, Atom Right) : Condition;
    internal sealed record Logical(string Op, Condition Left, Condition Right) : Condition;
    internal sealed record Not(Condition Operand) : Condition;
    internal sealed record OpaqueCondition(string Code) : Condition;
}
