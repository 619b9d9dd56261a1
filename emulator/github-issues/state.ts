/** In-memory issues, labels and comments per repository, for the drift-issue double. */

export interface Label {
  name: string
  color: string
  description: string
}

export interface Comment {
  id: number
  body: string
}

export interface Issue {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  stateReason: string | null
  labels: string[]
  comments: Comment[]
}

interface RepoIssues {
  issues: Issue[]
  labels: Map<string, Label>
}

export class IssuesState {
  private readonly repos = new Map<string, RepoIssues>()
  private nextId = 1000

  repo(owner: string, name: string): RepoIssues {
    const key = `${owner}/${name}`.toLowerCase()
    let repo = this.repos.get(key)
    if (!repo) {
      repo = { issues: [], labels: new Map() }
      this.repos.set(key, repo)
    }
    return repo
  }

  issues(owner: string, name: string): Issue[] {
    return this.repo(owner, name).issues
  }

  /** GitHub creates a missing label when an issue names it (for writers); so does this double. */
  ensureLabel(owner: string, name: string, label: string, color = 'ededed', description = ''): Label {
    const labels = this.repo(owner, name).labels
    const found = labels.get(label.toLowerCase())
    if (found) return found
    const made = { name: label, color, description }
    labels.set(label.toLowerCase(), made)
    return made
  }

  addIssue(owner: string, name: string, fields: { title: string; body?: string; labels?: string[] }): Issue {
    const repo = this.repo(owner, name)
    for (const label of fields.labels ?? []) this.ensureLabel(owner, name, label)
    const issue: Issue = {
      number: repo.issues.length + 1,
      title: fields.title,
      body: fields.body ?? '',
      state: 'open',
      stateReason: null,
      labels: fields.labels ?? [],
      comments: []
    }
    repo.issues.push(issue)
    return issue
  }

  addComment(issue: Issue, body: string): Comment {
    const comment = { id: this.nextId++, body }
    issue.comments.push(comment)
    return comment
  }
}
