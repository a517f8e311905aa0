import type { Role } from "../schema";

export const DEMO_PASSWORD = "sprintlab-demo";

/** One user of each kind the demo needs; later seeds add project memberships and ideas. */
export const DEMO_USERS: { email: string; name: string; role: Role; company: string | null; note: string }[] = [
  { email: "admin@example.com", name: "Ada Admin", role: "admin", company: null, note: "admin" },
  { email: "pm@example.com", name: "Priya Raman", role: "pm", company: null, note: "product manager (PureEngage, PureCloud)" },
  { email: "pm2@example.com", name: "Tomás Herrera", role: "pm", company: null, note: "product manager (PureConnect)" },
  { email: "sm@example.com", name: "Sam Okafor", role: "staff", company: null, note: "scrum master" },
  { email: "po@example.com", name: "Paula Jensen", role: "staff", company: null, note: "product owner" },
  {
    email: "copo@example.com",
    name: "Carlos Mendes",
    role: "customer",
    company: "Acme Health",
    note: "customer co-product owner",
  },
  { email: "dev@example.com", name: "Dana Kim", role: "staff", company: null, note: "team member" },
  { email: "customer@example.com", name: "Grace Liu", role: "customer", company: "Northwind Bank", note: "customer" },
  { email: "partner@example.com", name: "Marco Rossi", role: "partner", company: "Contoso Partners", note: "partner" },
];
