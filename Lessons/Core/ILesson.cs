namespace Tutor.Lessons;

/// <summary>
/// One lesson: an exercise from the seeds, run end to end, that writes a Markdown walkthrough.
/// Add a lesson by dropping a folder with a class implementing this interface into the project;
/// <see cref="LessonRegistry"/> finds it (give it a <see cref="LessonAttribute"/> to place it in the list).
/// </summary>
public interface ILesson
{
    /// <summary>The id used on the command line and as the report's file name, e.g. <c>formula-gradient</c>.</summary>
    string Id { get; }

    /// <summary>A short title, used as the report's heading.</summary>
    string Title { get; }

    /// <summary>One line saying what the lesson does, shown by <c>tutor list</c>.</summary>
    string Description { get; }

    /// <summary>Runs the lesson, writes its report under <see cref="LessonContext.OutputDirectory"/> and returns what it found.</summary>
    LessonResult Run(LessonContext context);
}

/// <summary>Places a lesson in <c>tutor list</c>: lessons are listed by <see cref="Order"/>, then by id.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LessonAttribute(int order) : Attribute
{
    /// <summary>The lesson's position in LESSONS.md.</summary>
    public int Order { get; } = order;
}
