using System.Collections.Generic;
using System.Linq;
using Tutor.Generator.Model;
using Tutor.Rules;

namespace Tutor.Generator.Emit
{
    // Loops in reverse mode. The forward loop runs the body as written; at the end of each iteration it pushes onto
    // the method's tape (one for all loops: they push and pop last-in, first-out) the loop's snapshotted arrays, the
    // values of that iteration which the backward sweep will read and cannot rebuild (operands of local derivatives,
    // indices that are neither counters, inductions nor pure arithmetic) and the number of the path the iteration
    // took, then writes back the carried variables. After the loop it pushes the iteration count unless the header
    // gives it. The backward loop pops (or computes) the count, then for each iteration, last first: rebuilds the
    // counter and induction variables, pops the path number, the values (re-declaring them under the same names) and
    // the snapshots, recomputes what is pure, and runs that path's steps backwards. Memory: the pushed values of every
    // iteration, one double each, plus each snapshot's length.
    internal sealed partial class ReverseEmitter
    {
        /// <summary>For each enclosing loop, outermost first, the C# expression for the current iteration number.</summary>
        readonly List<string> iteration = new List<string>();

        /// <summary>For the loop whose backward sweep is being written: element reads whose adjoints are summed in a local (see <see cref="InvariantLoads"/>).</summary>
        Dictionary<(string Array, string Index), string> sums = new Dictionary<(string Array, string Index), string>();

        void EmitLoopForward(Loop loop)
        {
            var paths = IrNames.Paths(loop.Body);
            bool counted = Trips(loop, paths) is null;
            if (counted) w.Line($"int {loop.Count} = 0;", $"iterations of the loop at line {loop.Line}");
            w.Open(loop.Header);
            var c = loop.Counter;
            iteration.Add(counted ? loop.Count : c!.Step == 1 ? $"({c.Variable} - {c.Init.Code})" : $"(({c.Variable} - {c.Init.Code}) / {Paren(c.Step)})");
            int next = 0;
            EmitBodyForward(loop.Body, loop, paths, ref next);
            iteration.RemoveAt(iteration.Count - 1);
            w.Close();
            if (counted) w.Line($"{Tape}.Push({loop.Count});");
        }

        /// <summary>
        /// The loop's iteration count computed from its header, when it has one and no path breaks out early (then the
        /// tape does not keep the count); null otherwise.
        /// </summary>
        static string? Trips(Loop loop, List<(List<Stmt> Steps, LoopEnd End)> paths) =>
            loop.Counter?.Trips is { } trips && !paths.Any(p => p.End.Break) ? trips : null;

        void EmitBodyForward(Block block, Loop loop, List<(List<Stmt> Steps, LoopEnd End)> paths, ref int next)
        {
            for (int i = 0; i < block.Statements.Count - 1; i++) EmitForward(block.Statements[i]);
            switch (block.Statements[block.Statements.Count - 1])
            {
                case If branch:
                    w.Open($"if ({Conditions.CSharp(branch.Condition)})");
                    EmitBodyForward(branch.Then, loop, paths, ref next);
                    w.Close();
                    w.Open("else");
                    EmitBodyForward(branch.Else, loop, paths, ref next);
                    w.Close();
                    break;
                case LoopEnd end:
                    int id = next++;
                    var needed = Needed(paths[id], loop).Kept;
                    if (needed.Count > 0 || paths.Count > 1 || loop.Snapshots.Count > 0) w.Line("// Keep what the backward sweep of this iteration will need.");
                    foreach (var snapshot in loop.Snapshots)
                        w.Line($"{Tape}.PushArray({snapshot.Array});", $"a copy of {MathNames.Pretty(snapshot.Array)}: this iteration's reads of it are read again backwards");
                    foreach (var (name, type) in needed) w.Line(Push(Tape, name, type));
                    if (paths.Count > 1) w.Line($"{Tape}.Push({id});", "the path this iteration took");
                    if (Trips(loop, paths) is null) w.Line($"{loop.Count}++;");
                    foreach (var write in end.Writes)
                    {
                        if (write.Value.Code == write.Mutable) continue;
                        w.Line($"{write.Mutable} = {write.Value.Code};", $"carry {MathNames.Pretty(write.Value.Code)} into the next iteration");
                        if (trace) w.Line($"{ir.Trace}.Forward({Name(write.Mutable)}, \"Copy\", {Literal(write.Value.Code)}, new[] {{ {Name(write.Value.Code)} }}, {write.Mutable});");
                    }
                    if (end.Break) w.Line("break;");
                    break;
            }
        }

        void EmitLoopBackward(Loop loop)
        {
            var paths = IrNames.Paths(loop.Body);
            var outer = sums;
            var facts = Facts(loop);
            sums = trace ? new Dictionary<(string, string), string>() : InvariantLoads(facts, paths);
            var hoisted = trace ? new Dictionary<string, string>() : InvariantRereads(facts, paths);
            foreach (var sum in sums)
                w.Line($"{ir.TypeOf(sum.Key.Array).Replace("[]", "")} {sum.Value} = 0;",
                    $"Σ of what the iterations add to {MathNames.Pretty(sum.Key.Array + "Bar")}[{MathNames.Pretty(sum.Key.Index)}], the same element in each");
            foreach (var let in paths.SelectMany(p => Closure(p.Steps).Recomputed).Where(l => hoisted.ContainsKey(l.Name)).GroupBy(l => l.Name).Select(g => g.First()))
                w.Line($"{let.Type} {hoisted[let.Name]} = (uint){let.Args[1].Code} < (uint){let.Args[0].Code}.Length ? {let.Args[0].Code}[{let.Args[1].Code}] : 0;",
                    $"{MathNames.Pretty(let.Name)} = {MathNames.Pretty(let.Args[0].Code)}[{MathNames.Pretty(let.Args[1].Code)}] is the same in every iteration (read once; the test skips it when the loop does not run)");
            var running = RunningInductions(loop).Where(r => Closure(paths[0].Steps).Read.Contains(r.Entry)).ToList();
            var runs = new Dictionary<string, string>();
            foreach (var r in running)
            {
                runs[r.Entry] = ir.Free(r.Entry + "Run");
                w.Line($"{r.Type} {runs[r.Entry]} = {r.Mutable};", $"{MathNames.Pretty(r.Mutable)} after the loop: each iteration below steps it back to that iteration's start");
            }
            w.Line($"// Backward through the loop at line {loop.Line}: its iterations last to first, each restoring what it kept.");
            w.Open($"for (int {loop.Index} = {Trips(loop, paths) ?? Tape + ".PopInt()"} - 1; {loop.Index} >= 0; {loop.Index}--)");
            iteration.Add(loop.Index);
            if (paths.Count > 1) w.Line($"int {loop.Path} = {Tape}.PopInt();");
            for (int id = 0; id < paths.Count; id++)
            {
                if (paths.Count > 1) w.Open(id == 0 ? $"if ({loop.Path} == 0)" : id == paths.Count - 1 ? "else" : $"else if ({loop.Path} == {id})");
                var (steps, end) = paths[id];
                var (kept, recomputed, counter, inductions) = Needed(paths[id], loop);
                if (counter && loop.Counter is { } c)
                    w.Line($"int {c.Variable} = {c.Init.Code} + {loop.Index}{(c.Step == 1 ? "" : " * " + c.Step)};", $"the loop variable of iteration {loop.Index}");
                foreach (var induction in inductions)
                    w.Line($"{induction.Type} {induction.Entry} = {induction.Init.Code} + {loop.Index}{(induction.Step == 1 ? "" : " * " + Paren(induction.Step))};",
                        $"{MathNames.Pretty(induction.Entry)} changes by {induction.Step} per iteration");
                for (int k = kept.Count - 1; k >= 0; k--) w.Line(Pop(Tape, kept[k].Name, kept[k].Type));
                for (int k = loop.Snapshots.Count - 1; k >= 0; k--)
                    w.Line($"{Tape}.PopArray({loop.Snapshots[k].Array});", $"{MathNames.Pretty(loop.Snapshots[k].Array)} as this iteration left it");
                foreach (var let in recomputed)
                {
                    if (hoisted.TryGetValue(let.Name, out var once)) w.Line($"{let.Type} {let.Name} = {once};");
                    else EmitForward(let, record: false);
                }
                foreach (var r in running)
                {
                    w.Line($"{runs[r.Entry]} -= {(r.Step == 1 ? "" : Paren(r.Step) + " * ")}{r.Trips};", $"the inner loop moved {MathNames.Pretty(r.Entry)} by {r.Step} per iteration");
                    w.Line($"{r.Type} {r.Entry} = {runs[r.Entry]};", $"{MathNames.Pretty(r.Entry)} at the start of iteration {loop.Index}");
                }
                var declared = Adjoints(steps).ToList();
                DeclareAdjoints(declared);
                fresh = new HashSet<string>(declared.Where(a => a.Length is null && !TensorTypes.IsTensor(a.Type)).Select(a => a.Name + "Bar"));
                for (int k = end.Writes.Count - 1; k >= 0; k--)
                {
                    var write = end.Writes[k];
                    if (write.Value.Code == write.Mutable || !ir.IsActive(write.Mutable)) continue;
                    if (write.Value.Active)
                    {
                        w.Line(Contribute(write.Value.Code + "Bar", "+=", write.Mutable + "Bar"), $"{MathNames.Pretty(write.Value.Code + "Bar")} += {MathNames.Pretty(write.Mutable + "Bar")}   (it was carried out of the iteration)");
                        if (trace) w.Line($"{ir.Trace}.Backward({Name(write.Value.Code)}, {Name(write.Mutable)}, {write.Mutable}Bar, 1, {write.Value.Code}Bar, \"∂a/∂a = 1\");");
                    }
                    w.Line($"{write.Mutable}Bar = 0;", "before this iteration it held an older value");
                    fresh.Add(write.Mutable + "Bar");
                }
                for (int k = steps.Count - 1; k >= 0; k--) EmitBackward(steps[k]);
                if (paths.Count > 1) w.Close();
            }
            iteration.RemoveAt(iteration.Count - 1);
            w.Close();
            fresh = new HashSet<string>(); // the loop may have added to any adjoint of the code around it
            foreach (var sum in sums)
                w.Line($"if ({sum.Value} != 0) {sum.Key.Array}Bar[{sum.Key.Index}] += {sum.Value};", "(when the loop ran: otherwise the index may be out of range)");
            sums = outer;
        }

        /// <summary>
        /// Carried integers of this loop that only an inner loop changes, as that inner loop's induction variable
        /// (<c>li++</c> in the j loop of <c>for i { for j { …; li++; } }</c>): each iteration moves them by step × the inner
        /// loop's trip count, which the backward sweep computes from the iteration's own values. Starting from the value
        /// after the loop (kept once by the code around it) and stepping back, it rebuilds each iteration's entry value
        /// instead of keeping it. Requires one path through the body, no break, an inner loop with a trip count
        /// computed from its header, and no value recomputed before it that depends on the entry value.
        /// </summary>
        List<(string Entry, string Mutable, string Type, int Step, string Trips)> RunningInductions(Loop loop)
        {
            var result = new List<(string, string, string, int, string)>();
            var paths = IrNames.Paths(loop.Body);
            if (paths.Count != 1 || paths[0].End.Break) return result;
            var (steps, end) = paths[0];
            var lets = new Dictionary<string, Let>();
            foreach (var let in steps.OfType<Let>()) lets[let.Name] = let;
            var recomputed = Closure(steps).Recomputed;
            foreach (var inner in steps.OfType<Loop>())
            {
                if (Trips(inner, IrNames.Paths(inner.Body)) is not { } trips) continue;
                foreach (var induction in inner.Inductions)
                {
                    // entry = Copy(mutable) starts this loop's iteration; the inner loop's mutable x = Copy(entry) is
                    // what the inner loop steps; the iteration ends by writing x back into the mutable.
                    if (!lets.TryGetValue(induction.Init.Code, out var entry) || entry.Kind != StepKind.Rule || entry.Op != "Copy") continue;
                    var mutable = entry.Args[0].Code;
                    var write = end.Writes.FirstOrDefault(w => w.Mutable == mutable);
                    var innerEntry = inner.Body.Statements.OfType<Let>().FirstOrDefault(l => l.Name == induction.Entry);
                    if (write is null || innerEntry is null || innerEntry.Op != "Copy") continue;
                    var x = innerEntry.Args[0].Code;
                    if (write.Value.Code != x || !lets.TryGetValue(x, out var start) || start.Op != "Copy" || start.Args[0].Code != entry.Name) continue;
                    var tainted = new HashSet<string> { entry.Name };
                    foreach (var let in recomputed)
                        if (let.Args.Any(a => tainted.Contains(a.Code))) tainted.Add(let.Name);
                    if (tainted.Count > 1) continue;
                    result.Add((entry.Name, mutable, entry.Type, induction.Step, trips));
                }
            }
            return result;
        }

        /// <summary>
        /// For the element reads of this loop's body whose array and index are the same in every iteration (the index
        /// is defined before the loop, the loop stores nothing into the array), the local that sums their adjoint
        /// contributions: the backward sweep adds the sum to the element's adjoint once, after the loop, instead of
        /// reading and writing the element in every iteration.
        /// </summary>
        Dictionary<(string Array, string Index), string> InvariantLoads((HashSet<string> Defined, HashSet<string> Stored) facts, List<(List<Stmt> Steps, LoopEnd End)> paths)
        {
            var result = new Dictionary<(string, string), string>();
            foreach (var (steps, _) in paths)
                foreach (var step in steps)
                    if (step is Let { Kind: StepKind.Load, Active: true } load && Invariant(load, facts) && !result.ContainsKey((load.Args[0].Code, load.Args[1].Code)))
                        result[(load.Args[0].Code, load.Args[1].Code)] = ir.Free(load.Name + "BarSum");
            return result;
        }

        /// <summary>
        /// The element reads that the backward sweep of this loop reads again (see <see cref="Recomputable"/>) whose
        /// element is the same in every iteration: each is read once before the backward loop, into the local named here.
        /// </summary>
        Dictionary<string, string> InvariantRereads((HashSet<string> Defined, HashSet<string> Stored) facts, List<(List<Stmt> Steps, LoopEnd End)> paths)
        {
            var result = new Dictionary<string, string>();
            foreach (var (steps, _) in paths)
                foreach (var let in Closure(steps).Recomputed)
                    if (let.Kind == StepKind.Load && !let.Args[1].IsLiteral && Invariant(let, facts) && !result.ContainsKey(let.Name))
                        result[let.Name] = ir.Free(let.Name + "Once");
            return result;
        }

        /// <summary>Whether an element read reads the same element in every iteration: array and index come from outside the loop, which neither stores into the array nor restores it.</summary>
        static bool Invariant(Let load, (HashSet<string> Defined, HashSet<string> Stored) facts) =>
            !facts.Stored.Contains(load.Args[0].Code) && !facts.Defined.Contains(load.Args[0].Code)
            && (load.Args[1].IsLiteral || !facts.Defined.Contains(load.Args[1].Code));

        /// <summary>The names a loop defines (steps, header variables, carried variables) and the arrays it stores into or restores from a snapshot, its inner loops included.</summary>
        static (HashSet<string> Defined, HashSet<string> Stored) Facts(Loop loop)
        {
            var defined = new HashSet<string>(loop.HeaderVariables.Select(h => h.Name));
            var stored = new HashSet<string>(loop.Snapshots.Select(a => a.Array));
            Scan(loop.Body);
            return (defined, stored);

            void Scan(Block block)
            {
                foreach (var s in block.Statements)
                {
                    switch (s)
                    {
                        case Let let:
                            defined.Add(let.Name);
                            break;
                        case Store store:
                            stored.Add(store.Array.Code);
                            break;
                        case Loop inner:
                            foreach (var h in inner.HeaderVariables) defined.Add(h.Name);
                            foreach (var a in inner.Snapshots) stored.Add(a.Array);
                            Scan(inner.Body);
                            break;
                        case LoopEnd end:
                            foreach (var write in end.Writes) defined.Add(write.Mutable);
                            break;
                        case If branch:
                            Scan(branch.Then);
                            Scan(branch.Else);
                            break;
                    }
                }
            }
        }

        static string Push(string tape, string name, string type) => type switch
        {
            "bool" => $"{tape}.Push({name} ? 1 : 0);",
            _ when type.EndsWith("[]") => $"{tape}.PushObject({name});",
            _ => $"{tape}.Push({name});",
        };

        static string Pop(string tape, string name, string type) => type switch
        {
            "double" => $"double {name} = {tape}.Pop();",
            "int" => $"int {name} = {tape}.PopInt();",
            "bool" => $"bool {name} = {tape}.Pop() != 0;",
            _ when type.EndsWith("[]") => $"{type} {name} = ({type}){tape}.PopObject();",
            _ => $"{type} {name} = ({type}){tape}.Pop();",
        };

        /// <summary>
        /// The values defined in this iteration (the loop's header variables and the path's steps) that the backward
        /// sweep reads, in the order they were defined.
        /// </summary>
        (List<(string Name, string Type)> Kept, List<Let> Recomputed, bool Counter, List<Induction> Inductions) Needed((List<Stmt> Steps, LoopEnd End) path, Loop loop)
        {
            var (read, recomputed) = Closure(path.Steps);
            var lets = path.Steps.OfType<Let>().ToList();
            var running = RunningInductions(loop);

            var kept = new List<(string, string)>();
            foreach (var h in loop.HeaderVariables)
                if (read.Contains(h.Name) && h.Name != loop.Counter?.Variable) kept.Add((h.Name, h.Type));
            foreach (var let in lets)
            {
                if (read.Contains(let.Name) && !Recomputable(let) && !loop.Inductions.Any(i => i.Entry == let.Name) && !running.Any(r => r.Entry == let.Name))
                    kept.Add((let.Name, ir.TypeOf(let.Name)));
                if (let.Kind == StepKind.Call && let.Active)
                    for (int j = 1; j <= let.Call!.DifferentiableParameters.Count(f => f); j++)
                        if (read.Contains(let.Name + "_d" + j)) kept.Add((let.Name + "_d" + j, ir.TypeOf(let.Name + "_d" + j)));
            }
            return (kept, recomputed, loop.Counter is { } c && read.Contains(c.Variable), loop.Inductions.Where(i => read.Contains(i.Entry)).ToList());
        }

        /// <summary>
        /// What the backward sweep of a path reads, after adding what its recomputed steps read in turn (steps that
        /// can be evaluated again — pure constants, reads of arrays never written — are recomputed, not kept).
        /// </summary>
        (HashSet<string> Read, List<Let> Recomputed) Closure(List<Stmt> steps)
        {
            var read = new HashSet<string>();
            foreach (var step in steps) BackwardReads(step, read);
            var lets = steps.OfType<Let>().ToList();
            var recomputed = new List<Let>();
            for (int i = lets.Count - 1; i >= 0; i--)
            {
                var let = lets[i];
                if (!read.Contains(let.Name) || !Recomputable(let)) continue;
                recomputed.Insert(0, let);
                foreach (var arg in let.Args) Add(arg, read);
            }
            return (read, recomputed);
        }

        static bool Recomputable(Let let) =>
            let.Kind == StepKind.Constant && let.Op == "Expr" || let.Kind == StepKind.Load && let.Op is "LoadImmutable" or "LoadSnapshot";

        static string Paren(int n) => n < 0 ? "(" + n + ")" : n.ToString();

        /// <summary>The names that the backward code of <paramref name="step"/> reads (values, not adjoints).</summary>
        void BackwardReads(Stmt step, HashSet<string> read)
        {
            switch (step)
            {
                case Store { Array.Active: true } store:
                    Add(store.Index, read);
                    break;
                case Loop loop:
                    // An inner loop's backward sweep reads values of this iteration too, directly or through the
                    // steps it recomputes.
                    var inner = new HashSet<string>();
                    foreach (var (steps, _) in IrNames.Paths(loop.Body))
                        inner.UnionWith(Closure(steps).Read);
                    read.UnionWith(inner);
                    if (loop.Counter is { } counter) Add(counter.Init, read);
                    if (Trips(loop, IrNames.Paths(loop.Body)) is not null)
                        foreach (var atom in loop.Counter!.TripReads) Add(atom, read);
                    foreach (var induction in loop.Inductions)
                        if (inner.Contains(induction.Entry)) Add(induction.Init, read);
                    foreach (var snapshot in loop.Snapshots) read.Add(snapshot.Array);
                    foreach (var r in RunningInductions(loop))
                        if (inner.Contains(r.Entry)) read.Add(r.Mutable);
                    break;
                case Let { Active: true, Kind: StepKind.Load } load:
                    Add(load.Args[1], read);
                    break;
                case Let { Active: true, Kind: StepKind.NewArray } array:
                    Add(array.Args[0], read);
                    break;
                case Let { Active: true, Kind: StepKind.Call } call:
                    for (int i = 0, j = 0; i < call.Call!.DifferentiableParameters.Count && i < call.Args.Count; i++)
                        if (call.Call.DifferentiableParameters[i] && ++j > 0 && call.Args[i].Active) read.Add(call.Name + "_d" + j);
                    break;
                case Let { Active: true, Kind: StepKind.Rule } let:
                    var rule = ScalarRules.Find(let.Op)!;
                    for (int i = 0; i < rule.Arity; i++)
                        if (let.Args[i].Active) Symbols(RuleCode.Partial(rule, i), let, read);
                    break;
            }
        }

        static void Symbols(RuleExpr e, Let let, HashSet<string> read)
        {
            switch (e)
            {
                case RuleSymbol s when s.Index < 0:
                    read.Add(let.Name);
                    break;
                case RuleSymbol s:
                    Add(let.Args[s.Index], read);
                    break;
                case RuleCall c:
                    foreach (var a in c.Args) Symbols(a, let, read);
                    break;
            }
        }

        static void Add(Atom atom, HashSet<string> read)
        {
            if (!atom.IsLiteral) read.Add(atom.Code);
        }

        /// <summary>A trace name: inside loops, decorated with the iteration numbers (t3[2] is t3 of iteration 2).</summary>
        string Name(string code)
        {
            int depth = System.Math.Min(ir.DepthOf(code), iteration.Count);
            if (depth == 0) return Literal(code);
            return "$\"" + code + "[" + string.Join(",", iteration.Take(depth).Select(e => "{" + e + "}")) + "]\"";
        }
    }
}
