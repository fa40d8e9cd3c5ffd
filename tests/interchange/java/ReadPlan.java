import org.mpxj.ProjectFile;
import org.mpxj.Relation;
import org.mpxj.Task;
import org.mpxj.reader.UniversalProjectReader;

// Prints each task of a plan file as MPXJ (the reader behind ProjectLibre's and many tools' MS Project
// import) reads it, one tab-separated line per task: name, outline level, start, finish, milestone,
// then the predecessors as "name|type|lag".
public class ReadPlan {
    public static void main(String[] args) throws Exception {
        ProjectFile file = new UniversalProjectReader().read(args[0]);
        for (Task task : file.getTasks()) {
            if (task.getUniqueID() == null || task.getUniqueID() == 0) continue;
            StringBuilder line = new StringBuilder();
            line.append(task.getName()).append('\t').append(task.getOutlineLevel()).append('\t')
                .append(task.getStart()).append('\t').append(task.getFinish()).append('\t')
                .append(task.getMilestone());
            for (Relation relation : task.getPredecessors()) {
                line.append('\t').append(relation.getPredecessorTask().getName()).append('|')
                    .append(relation.getType()).append('|').append(relation.getLag());
            }
            System.out.println(line);
        }
    }
}
