import "../globals.css";

export const metadata = { title: "Development mailbox · Koppel" };

// The development mailbox is a tool for people running Koppel locally; it speaks English only.
export default function DevLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <div className="bar">
            <a className="brand" href="/">
              Koppel
            </a>
            <span>Development mailbox</span>
          </div>
        </header>
        <main id="content">{children}</main>
      </body>
    </html>
  );
}
