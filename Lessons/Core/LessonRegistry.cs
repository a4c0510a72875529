using System.Reflection;

namespace Tutor.Lessons;

/// <summary>The lessons the <c>tutor</c> command knows, in LESSONS.md order.</summary>
public sealed class LessonRegistry
{
    readonly List<ILesson> lessons;

    public LessonRegistry(IEnumerable<ILesson> lessons)
    {
        this.lessons = [.. lessons];
        var duplicate = this.lessons.GroupBy(l => l.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Two lessons have the id '{duplicate.Key}'.", nameof(lessons));
    }

    /// <summary>Every lesson in this assembly: each non-abstract <see cref="ILesson"/> with a parameterless constructor.</summary>
    public static LessonRegistry Discover() => Discover(typeof(LessonRegistry).Assembly);

    /// <summary>Every lesson in <paramref name="assembly"/>, ordered by <see cref="LessonAttribute.Order"/>, then id.</summary>
    public static LessonRegistry Discover(Assembly assembly)
    {
        var found = assembly.GetTypes()
            .Where(t => typeof(ILesson).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (Order: t.GetCustomAttribute<LessonAttribute>()?.Order ?? int.MaxValue, Lesson: (ILesson)Activator.CreateInstance(t)!))
            .OrderBy(p => p.Order).ThenBy(p => p.Lesson.Id, StringComparer.Ordinal)
            .Select(p => p.Lesson);
        return new LessonRegistry(found);
    }

    /// <summary>The lessons, in the order <c>tutor list</c> shows them.</summary>
    public IReadOnlyList<ILesson> All => lessons;

    /// <summary>The ids, in order.</summary>
    public IEnumerable<string> Ids => lessons.Select(l => l.Id);

    /// <summary>The lesson with this id, or null.</summary>
    public ILesson? Find(string id) => lessons.Find(l => string.Equals(l.Id, id, StringComparison.Ordinal));
}
